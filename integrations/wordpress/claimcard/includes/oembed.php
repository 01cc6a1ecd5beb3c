<?php
/**
 * claimcard as a trusted oEmbed provider: a claim URL ({base}/claims/{id}) pasted in
 * the editor embeds with no other step.
 *
 * Registering with wp_oembed_add_provider() is also what keeps the card's iframe:
 * wp_filter_oembed_result() returns the HTML of a registered provider untouched, while
 * for a discovered one it keeps a kses-filtered iframe only, sandboxed, and unknown
 * providers are not discovered at all for users without unfiltered_html.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the configured claimcard API as an oEmbed provider (if a base URL is set).
 */
function claimcard_register_oembed_provider() {
	$base = claimcard_api_base();
	if ( '' === $base ) {
		return;
	}
	wp_oembed_add_provider( trailingslashit( $base ) . 'claims/*', $base . '/v1/oembed', false );
}
add_action( 'init', 'claimcard_register_oembed_provider' );

/**
 * Asks claimcard's oEmbed endpoint for the site's card language (the claimcard_lang
 * option, else the locale's), unless the pasted claim URL names one itself (?lang=en).
 *
 * @param string $provider The oEmbed endpoint URL, with its query.
 * @param string $url      The URL being embedded.
 * @return string
 */
function claimcard_oembed_fetch_url( $provider, $url = '' ) {
	if ( ! claimcard_is_own_oembed_endpoint( $provider ) || claimcard_url_has_lang( $url ) ) {
		return $provider;
	}
	return add_query_arg( 'lang', claimcard_resolve_lang(), $provider );
}
add_filter( 'oembed_fetch_url', 'claimcard_oembed_fetch_url', 10, 2 );

/**
 * Whether an oEmbed request URL is for the configured claimcard endpoint.
 *
 * @param mixed $provider The oEmbed endpoint URL, with its query.
 * @return bool
 */
function claimcard_is_own_oembed_endpoint( $provider ) {
	$base = claimcard_api_base();
	if ( '' === $base || ! is_string( $provider ) ) {
		return false;
	}
	$endpoint = $base . '/v1/oembed';
	$rest     = (string) substr( $provider, strlen( $endpoint ) );
	return substr( $provider, 0, strlen( $endpoint ) ) === $endpoint && ( '' === $rest || '?' === $rest[0] );
}

/**
 * Whether a URL's query has a lang parameter.
 *
 * @param mixed $url A URL.
 * @return bool
 */
function claimcard_url_has_lang( $url ) {
	$query = is_string( $url ) ? wp_parse_url( $url, PHP_URL_QUERY ) : null;
	return is_string( $query ) && 1 === preg_match( '/(?:^|&)lang=/', $query );
}

/**
 * Loads widget.js on pages that show a claimcard oEmbed card, so that its iframe takes
 * the height the card asks for when the reader opens the timeline (the card posts a
 * claimcard:resize message; widget.js applies it to iframes of class claimcard-embed).
 *
 * @param string $html The embed HTML.
 * @return string The same HTML.
 */
function claimcard_embed_oembed_html( $html ) {
	$base = claimcard_api_base();
	if ( '' !== $base && is_string( $html ) && false !== strpos( $html, 'class="claimcard-embed"' ) && false !== strpos( $html, 'src="' . $base . '/embed/' ) ) {
		claimcard_enqueue_widget( $base );
	}
	return $html;
}
add_filter( 'embed_oembed_html', 'claimcard_embed_oembed_html' );
