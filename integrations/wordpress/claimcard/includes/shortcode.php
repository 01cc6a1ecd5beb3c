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
 * iframe of the server-rendered card in an embed figure (mode="iframe"), which shows
 * without JavaScript; both load widget.js, which in iframe mode sizes the iframe.
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
	claimcard_enqueue_widget( $base );
	if ( 'iframe' === claimcard_shortcode_mode( $atts['mode'] ) ) {
		return claimcard_render_figure( claimcard_render_iframe( $base, $id, $lang ) );
	}
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
