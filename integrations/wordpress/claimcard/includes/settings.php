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
 * Keeps an absolute https URL (http for a local API; stored without trailing slash) or an
 * empty value; anything else is refused with a settings error and the previous value is
 * kept.
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
		__( 'The claimcard API base URL must be an absolute https URL, such as https://claims.example.org (http only for an API on this machine, such as http://127.0.0.1:8787). The previous value was kept.', 'claimcard' ),
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
		'<input type="url" id="claimcard_api_base" name="claimcard_api_base" value="%s" class="regular-text code" placeholder="https://claims.example.org" aria-describedby="claimcard_api_base_description" />',
		esc_attr( (string) get_option( 'claimcard_api_base', '' ) )
	);
	echo '<p class="description" id="claimcard_api_base_description">' . esc_html__( 'https, because WordPress shows what this API answers. Plain http is accepted only for an API on this machine (localhost, 127.0.0.1), as started by npm start.', 'claimcard' ) . '</p>';
}

/**
 * Forgets the embeds WordPress could not make (cached as "{{unknown}}" in each post's
 * _oembed_* meta and in oembed_cache posts), so that claim URLs pasted before the base
 * was set, or while it was wrong, embed on their next view. Runs when the base changes.
 */
function claimcard_forget_failed_embeds() {
	global $wpdb;
	$like     = $wpdb->esc_like( '_oembed_' ) . '%';
	$post_ids = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT post_id FROM {$wpdb->postmeta} WHERE meta_key LIKE %s AND meta_value = '{{unknown}}'", $like ) );
	if ( $post_ids ) {
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->postmeta} WHERE meta_key LIKE %s AND meta_value = '{{unknown}}'", $like ) );
		foreach ( $post_ids as $post_id ) {
			wp_cache_delete( (int) $post_id, 'post_meta' );
		}
	}
	$cache_posts = $wpdb->get_col( "SELECT ID FROM {$wpdb->posts} WHERE post_type = 'oembed_cache' AND post_content = '{{unknown}}'" );
	foreach ( $cache_posts as $cache_post ) {
		wp_delete_post( (int) $cache_post, true );
	}
}
add_action( 'add_option_claimcard_api_base', 'claimcard_forget_failed_embeds' );
add_action( 'update_option_claimcard_api_base', 'claimcard_forget_failed_embeds' );

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
