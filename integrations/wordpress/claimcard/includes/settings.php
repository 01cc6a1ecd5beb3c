<?php
/**
 * Settings → Writing → claimcard: the API base URL and the default card language,
 * through the Settings API.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers both options, their section and their fields on the Writing page.
 */
function claimcard_register_settings() {
	register_setting(
		'writing',
		'claimcard_api_base',
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'claimcard_sanitize_api_base',
			'show_in_rest'      => false,
		)
	);
	register_setting(
		'writing',
		'claimcard_lang',
		array(
			'type'              => 'string',
			'default'           => 'auto',
			'sanitize_callback' => 'claimcard_sanitize_lang',
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'claimcard', 'claimcard', 'claimcard_render_settings_section', 'writing' );
	add_settings_field( 'claimcard_api_base', __( 'claimcard API base URL', 'claimcard' ), 'claimcard_render_api_base_field', 'writing', 'claimcard', array( 'label_for' => 'claimcard_api_base' ) );
	add_settings_field( 'claimcard_lang', __( 'claimcard default language', 'claimcard' ), 'claimcard_render_lang_field', 'writing', 'claimcard', array( 'label_for' => 'claimcard_lang' ) );
}
add_action( 'admin_init', 'claimcard_register_settings' );

/**
 * Keeps an absolute http(s) URL (stored without trailing slash) or an empty value;
 * anything else is refused with a settings error and the previous value is kept.
 *
 * @param mixed $value The submitted value.
 * @return string
 */
function claimcard_sanitize_api_base( $value ) {
	$base = claimcard_normalize_api_base( $value );
	if ( null !== $base ) {
		return $base;
	}
	add_settings_error(
		'claimcard_api_base',
		'claimcard_api_base_invalid',
		__( 'The claimcard API base URL must be an absolute http(s) URL, such as https://claims.example.org. The previous value was kept.', 'claimcard' ),
		'error'
	);
	return (string) get_option( 'claimcard_api_base', '' );
}

/**
 * Keeps "fr", "en" or "auto"; anything else is refused and the previous value kept.
 *
 * @param mixed $value The submitted value.
 * @return string
 */
function claimcard_sanitize_lang( $value ) {
	if ( is_string( $value ) && in_array( $value, array( 'auto', 'fr', 'en' ), true ) ) {
		return $value;
	}
	add_settings_error( 'claimcard_lang', 'claimcard_lang_invalid', __( 'The claimcard language must be auto, fr or en. The previous value was kept.', 'claimcard' ), 'error' );
	return (string) get_option( 'claimcard_lang', 'auto' );
}

/**
 * The section's introduction.
 */
function claimcard_render_settings_section() {
	echo '<p>' . esc_html__( 'Where the claimcard API runs. Once set, claim URLs pasted in a post become fact-check cards, and the [claimcard] shortcode works.', 'claimcard' ) . '</p>';
}

/**
 * The API base URL field.
 */
function claimcard_render_api_base_field() {
	printf(
		'<input type="url" id="claimcard_api_base" name="claimcard_api_base" value="%s" class="regular-text code" placeholder="https://claims.example.org" />',
		esc_attr( (string) get_option( 'claimcard_api_base', '' ) )
	);
}

/**
 * The default language field.
 */
function claimcard_render_lang_field() {
	$current = (string) get_option( 'claimcard_lang', 'auto' );
	$choices = array(
		'auto' => __( 'From the site language', 'claimcard' ),
		'fr'   => 'Français',
		'en'   => 'English',
	);
	echo '<select id="claimcard_lang" name="claimcard_lang">';
	foreach ( $choices as $value => $label ) {
		printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $current, $value, false ), esc_html( $label ) );
	}
	echo '</select>';
}
