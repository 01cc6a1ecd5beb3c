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
 * Normalizes an API base URL: an absolute http(s) URL with a host, no credentials,
 * query or fragment, returned without trailing slash. An empty value stays empty.
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
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) ) {
		return false;
	}
	if ( ! preg_match( '/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])\z/i', $host ) ) {
		return false;
	}
	return ! isset( $parts['user'] )
		&& ! isset( $parts['pass'] )
		&& ! isset( $parts['query'] )
		&& ! isset( $parts['fragment'] );
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
