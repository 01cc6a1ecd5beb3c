<?php
/**
 * Reading the plugin's configuration: the API base URL, claim ids and the card language.
 * Everything read from the database is validated again here, so a value stored by
 * another path than the settings page can never reach the markup.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/** The claim id grammar of the claimcard API (a slug). */
const CLAIMCARD_ID_PATTERN = '/^[a-z0-9]+(?:-[a-z0-9]+)*\z/';

/** The longest claim id the API accepts. */
const CLAIMCARD_ID_MAX_LENGTH = 64;

/** The languages a card can be shown in. */
const CLAIMCARD_LANGS = array( 'fr', 'en' );

/**
 * Whether a value is a well-formed claim id.
 *
 * @param mixed $id The candidate.
 * @return bool
 */
function claimcard_is_valid_id( $id ) {
	return is_string( $id )
		&& strlen( $id ) <= CLAIMCARD_ID_MAX_LENGTH
		&& 1 === preg_match( CLAIMCARD_ID_PATTERN, $id );
}

/**
 * Normalizes an API base URL: an absolute https URL with a host (http only for a local
 * API: see claimcard_is_local_host()), no credentials, query or fragment, returned
 * without trailing slash. An empty value stays empty.
 *
 * https because WordPress trusts what this API answers: over plain http, anyone on the
 * network path could answer in its place.
 *
 * @param mixed $value The candidate.
 * @return string|null The normalized URL, '' for an empty value, null if invalid.
 */
function claimcard_normalize_api_base( $value ) {
	if ( ! is_string( $value ) ) {
		return null;
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	// No whitespace, control characters, quotes, angle brackets or backslashes anywhere.
	if ( preg_match( '/[\s\x00-\x1f\x7f"\'<>`\\\\]/', $value ) ) {
		return null;
	}
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || ! claimcard_url_parts_ok( $parts ) ) {
		return null;
	}
	return rtrim( $value, '/' );
}

/**
 * Checks the parts of a parsed base URL (see claimcard_normalize_api_base()).
 *
 * @param array $parts The result of wp_parse_url().
 * @return bool
 */
function claimcard_url_parts_ok( array $parts ) {
	$scheme = isset( $parts['scheme'] ) ? strtolower( $parts['scheme'] ) : '';
	$host   = isset( $parts['host'] ) ? $parts['host'] : '';
	if ( ! preg_match( '/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])\z/i', $host ) ) {
		return false;
	}
	if ( 'https' !== $scheme && ! ( 'http' === $scheme && claimcard_is_local_host( $host ) ) ) {
		return false;
	}
	return ! isset( $parts['user'] )
		&& ! isset( $parts['pass'] )
		&& ! isset( $parts['query'] )
		&& ! isset( $parts['fragment'] );
}

/**
 * Whether a host is this machine's own (loopback): localhost, *.localhost, 127.0.0.0/8
 * or [::1]. Only such a base may be plain http: no network lies between it and WordPress.
 *
 * @param string $host A URL's host, IPv6 in brackets.
 * @return bool
 */
function claimcard_is_local_host( $host ) {
	$host = strtolower( (string) $host );
	return 'localhost' === $host
		|| '.localhost' === substr( $host, -10 )
		|| '[::1]' === $host
		|| 1 === preg_match( '/^127(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}\z/', $host );
}

/**
 * The configured API base URL, validated, without trailing slash; '' when unset or invalid.
 *
 * @return string
 */
function claimcard_api_base() {
	$base = claimcard_normalize_api_base( get_option( 'claimcard_api_base', '' ) );
	return null === $base ? '' : $base;
}

/**
 * A language code if it is one a card can be shown in, else ''.
 *
 * @param mixed $value The candidate ("fr", "EN", …).
 * @return string
 */
function claimcard_pick_lang( $value ) {
	$value = is_string( $value ) ? strtolower( trim( $value ) ) : '';
	return in_array( $value, CLAIMCARD_LANGS, true ) ? $value : '';
}

/**
 * The card language for a WordPress locale: fr for fr_FR, fr_CA, fr_BE…, else en.
 *
 * @param string $locale A WordPress locale.
 * @return string
 */
function claimcard_lang_from_locale( $locale ) {
	return preg_match( '/^fr(?:_|\z)/i', (string) $locale ) ? 'fr' : 'en';
}

/**
 * The card language: the one asked for, else the claimcard_lang option (unless "auto"),
 * else the site locale's.
 *
 * @param mixed $asked The language asked for (a shortcode attribute), may be empty.
 * @return string "fr" or "en".
 */
function claimcard_resolve_lang( $asked = '' ) {
	$lang = claimcard_pick_lang( $asked );
	if ( '' === $lang ) {
		$lang = claimcard_pick_lang( get_option( 'claimcard_lang', 'auto' ) );
	}
	return '' !== $lang ? $lang : claimcard_lang_from_locale( get_locale() );
}

/**
 * The claim id of a claim page URL of the configured API ({base}/claims/{id}, with an
 * optional trailing slash and query), or '' for any other URL. As WP_oEmbed matches an
 * http provider format, an http base also takes the https form of its URLs.
 *
 * @param mixed $url A URL.
 * @return string
 */
function claimcard_claim_id_from_url( $url ) {
	$base = claimcard_api_base();
	if ( '' === $base || ! is_string( $url ) ) {
		return '';
	}
	$scheme = 0 === stripos( $base, 'http:' ) ? 'https?' : 'https';
	$rest   = preg_quote( (string) preg_replace( '#^https?://#i', '', $base ), '#' );
	if ( ! preg_match( '#^' . $scheme . '://' . $rest . '/claims/([^/?\#]+)/?(?:\?[^\#]*)?\z#i', $url, $m ) ) {
		return '';
	}
	return claimcard_is_valid_id( $m[1] ) ? $m[1] : '';
}

/**
 * Whether a URL is the configured API base or under it (the requests WordPress makes to
 * the API: oEmbed, and discovery on a claim page).
 *
 * @param mixed $url A URL.
 * @return bool
 */
function claimcard_is_api_url( $url ) {
	$base = claimcard_api_base();
	if ( '' === $base || ! is_string( $url ) ) {
		return false;
	}
	$url = strtolower( $url );
	$base = strtolower( $base );
	return $url === $base || 0 === strpos( $url, $base . '/' );
}
