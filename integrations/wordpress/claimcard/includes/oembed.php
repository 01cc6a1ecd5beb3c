<?php
/**
 * claimcard as a trusted oEmbed provider: a claim URL ({base}/claims/{id}) pasted in
 * the editor embeds with no other step.
 *
 * WordPress asks the API's oEmbed endpoint whether the claim exists (and its title), but
 * the HTML it shows is never the API's: the plugin builds the iframe itself from the
 * claim id it validated in the URL (oembed_dataparse, for new embeds and the editor's
 * preview; embed_oembed_html, for embeds already cached). So an API that answers
 * something else, or anyone in between, cannot put HTML in the site's pages.
 *
 * WordPress fetches oEmbed with its "safe" HTTP client, which refuses loopback and
 * private hosts and any port but 80, 443 and 8080; the plugin lets through the
 * configured API base, and only it (a local API such as http://127.0.0.1:8787 would
 * never embed otherwise).
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
 * The card's iframe in place of the HTML the API answered, for a claim URL of the
 * configured API; any other embed is left alone.
 *
 * @param string|false $html The embed HTML WordPress built from the answer.
 * @param object       $data The oEmbed answer.
 * @param string       $url  The URL being embedded.
 * @return string|false
 */
function claimcard_oembed_dataparse( $html, $data = null, $url = '' ) {
	$id = claimcard_claim_id_from_url( $url );
	if ( '' === $id || false === $html || ! is_object( $data ) || ! isset( $data->type ) || 'rich' !== $data->type ) {
		return $html;
	}
	$title = isset( $data->title ) && is_string( $data->title ) ? $data->title : '';
	return claimcard_render_iframe( claimcard_api_base(), $id, claimcard_embed_lang( $url ), $title );
}
add_filter( 'oembed_dataparse', 'claimcard_oembed_dataparse', 20, 3 );

/**
 * On a page that shows a claimcard embed: the iframe built again from the URL (so that an
 * embed cached by an older version, or from another answer, cannot show other HTML; only
 * the title is taken from the cache, as text), and widget.js, so that the iframe takes
 * the height the card asks for (the card posts a claimcard:resize message; widget.js
 * applies it to iframes of class claimcard-embed).
 *
 * @param string|false $html The embed HTML, from the cache or just fetched.
 * @param string       $url  The URL being embedded.
 * @return string|false
 */
function claimcard_embed_oembed_html( $html, $url = '' ) {
	$id = claimcard_claim_id_from_url( $url );
	if ( '' === $id || ! is_string( $html ) || '' === $html ) {
		return $html;
	}
	$title = preg_match( '/\stitle="claimcard: ([^"]*)"/', $html, $m ) ? html_entity_decode( $m[1], ENT_QUOTES, 'UTF-8' ) : '';
	$base  = claimcard_api_base();
	claimcard_enqueue_widget( $base );
	return claimcard_render_iframe( $base, $id, claimcard_embed_lang( $url ), $title );
}
add_filter( 'embed_oembed_html', 'claimcard_embed_oembed_html', 10, 2 );

/**
 * The language of an embedded claim URL: its own ?lang=, else the site's card language.
 *
 * @param string $url A claim URL.
 * @return string "fr" or "en".
 */
function claimcard_embed_lang( $url ) {
	$query = wp_parse_url( $url, PHP_URL_QUERY );
	$lang  = is_string( $query ) && preg_match( '/(?:^|&)lang=([^&]*)/', $query, $m ) ? claimcard_pick_lang( $m[1] ) : '';
	return '' !== $lang ? $lang : claimcard_resolve_lang();
}

/**
 * Lets WordPress's safe HTTP client reach the configured API when its host is loopback
 * or private (http_request_host_is_external), for URLs under the base only.
 *
 * @param bool   $external Whether WordPress treats the host as external.
 * @param string $host     The requested host.
 * @param string $url      The requested URL.
 * @return bool
 */
function claimcard_http_request_host_is_external( $external, $host = '', $url = '' ) {
	return $external || claimcard_is_api_url( $url );
}
add_filter( 'http_request_host_is_external', 'claimcard_http_request_host_is_external', 10, 3 );

/**
 * Adds the configured API's port to the ports the safe HTTP client may use
 * (http_allowed_safe_ports, WordPress 5.9+), for URLs under the base only.
 *
 * @param int[]  $ports The allowed ports (80, 443, 8080).
 * @param string $host  The requested host.
 * @param string $url   The requested URL.
 * @return int[]
 */
function claimcard_http_allowed_safe_ports( $ports, $host = '', $url = '' ) {
	$port = wp_parse_url( claimcard_api_base(), PHP_URL_PORT );
	if ( is_array( $ports ) && is_int( $port ) && claimcard_is_api_url( $url ) ) {
		$ports[] = $port;
	}
	return $ports;
}
add_filter( 'http_allowed_safe_ports', 'claimcard_http_allowed_safe_ports', 10, 3 );
