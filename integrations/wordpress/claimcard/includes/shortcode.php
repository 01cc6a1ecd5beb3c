<?php
/**
 * The [claimcard id="dnc-hack-2016" lang="fr" mode="script|iframe"] shortcode.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the shortcode.
 */
function claimcard_register_shortcode() {
	add_shortcode( 'claimcard', 'claimcard_shortcode' );
}
add_action( 'init', 'claimcard_register_shortcode' );

/**
 * Renders the shortcode: a <claim-card> element (mode="script", the default) or an
 * iframe of the card that needs no JavaScript (mode="iframe").
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string
 */
function claimcard_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'id'   => '',
			'lang' => '',
			'mode' => 'script',
		),
		$atts,
		'claimcard'
	);
	$id = is_string( $atts['id'] ) ? trim( $atts['id'] ) : '';
	if ( ! claimcard_is_valid_id( $id ) ) {
		return '<!-- claimcard: invalid id -->';
	}
	$base = claimcard_api_base();
	if ( '' === $base ) {
		return '<!-- claimcard: API base URL not set -->';
	}
	$lang = claimcard_resolve_lang( $atts['lang'] );
	if ( 'iframe' === claimcard_shortcode_mode( $atts['mode'] ) ) {
		return claimcard_render_iframe( $base, $id, $lang );
	}
	claimcard_enqueue_widget( $base );
	return claimcard_render_element( $base, $id, $lang );
}

/**
 * The rendering mode: "iframe" when asked for, else "script" (the default).
 *
 * @param mixed $mode The mode attribute.
 * @return string
 */
function claimcard_shortcode_mode( $mode ) {
	return is_string( $mode ) && 'iframe' === strtolower( trim( $mode ) ) ? 'iframe' : 'script';
}

/**
 * The web component; its module script is enqueued separately.
 *
 * @param string $base The validated API base URL.
 * @param string $id   A valid claim id.
 * @param string $lang "fr" or "en".
 * @return string
 */
function claimcard_render_element( $base, $id, $lang ) {
	return sprintf(
		'<claim-card claim="%s" api="%s" lang="%s"></claim-card>',
		esc_attr( $id ),
		esc_url( $base ),
		esc_attr( $lang )
	);
}

/**
 * The iframe of {base}/embed/{id}: works without JavaScript on the host page. Its class
 * lets widget.js, where the page loads it, resize it to the card (the timeline opens).
 *
 * @param string $base The validated API base URL.
 * @param string $id   A valid claim id.
 * @param string $lang "fr" or "en".
 * @return string
 */
function claimcard_render_iframe( $base, $id, $lang ) {
	return sprintf(
		'<iframe src="%s" title="%s" class="claimcard-embed" loading="lazy" style="width:100%%;max-width:42em;border:0" height="420"></iframe>',
		esc_url( $base . '/embed/' . $id . '?lang=' . $lang ),
		esc_attr( claimcard_iframe_title( $id, $lang ) )
	);
}

/**
 * The iframe's accessible name, in the card's language.
 *
 * @param string $id   A valid claim id.
 * @param string $lang "fr" or "en".
 * @return string
 */
function claimcard_iframe_title( $id, $lang ) {
	return 'fr' === $lang ? 'Fiche de vérification claimcard : ' . $id : 'claimcard fact-check card: ' . $id;
}
