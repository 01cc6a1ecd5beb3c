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
 * Asks claimcard's oEmbed endpoint for the site's card language.
 *
 * @param string $provider The oEmbed endpoint URL, with its query.
 * @return string
 */
function claimcard_oembed_fetch_url( $provider ) {
	$base = claimcard_api_base();
	if ( '' === $base || ! is_string( $provider ) ) {
		return $provider;
	}
	$endpoint = $base . '/v1/oembed';
	$rest     = substr( $provider, 0, strlen( $endpoint ) ) === $endpoint ? substr( $provider, strlen( $endpoint ) ) : null;
	if ( null === $rest || ( '' !== $rest && '?' !== $rest[0] ) ) {
		return $provider;
	}
	return add_query_arg( 'lang', claimcard_resolve_lang(), $provider );
}
add_filter( 'oembed_fetch_url', 'claimcard_oembed_fetch_url' );
