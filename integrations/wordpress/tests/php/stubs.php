<?php
/**
 * Minimal stand-ins for the WordPress functions the claimcard plugin calls, faithful
 * enough for its behaviour to be tested with plain PHP (no WordPress, no database).
 * State lives in $GLOBALS['wp_stubs']; wp_stubs_reset() empties it.
 *
 * Define WP_STUBS_NO_SCRIPT_MODULES before including this file to simulate a WordPress
 * without the Script Modules API (wp_enqueue_script_module() is then not defined).
 *
 * @package claimcard
 */

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

/** Empties every stubbed registry (hooks, options, shortcodes, providers, scripts…). */
function wp_stubs_reset() {
	$GLOBALS['wp_stubs']            = array(
		'hooks'          => array(),
		'options'        => array(),
		'shortcodes'     => array(),
		'providers'      => array(),
		'settings'       => array(),
		'sections'       => array(),
		'fields'         => array(),
		'scripts'        => array(),
		'script_modules' => array(),
		'locale'         => 'en_US',
	);
	$GLOBALS['wp_settings_errors'] = array();
}
wp_stubs_reset();

// ---------------------------------------------------------------- hooks

function add_filter( $hook_name, $callback, $priority = 10, $accepted_args = 1 ) {
	$GLOBALS['wp_stubs']['hooks'][ $hook_name ][ $priority ][] = array( $callback, $accepted_args );
	return true;
}

function add_action( $hook_name, $callback, $priority = 10, $accepted_args = 1 ) {
	return add_filter( $hook_name, $callback, $priority, $accepted_args );
}

/** The callbacks of a hook, in run order. */
function wp_stubs_callbacks( $hook_name ) {
	$by_priority = isset( $GLOBALS['wp_stubs']['hooks'][ $hook_name ] ) ? $GLOBALS['wp_stubs']['hooks'][ $hook_name ] : array();
	ksort( $by_priority );
	$out = array();
	foreach ( $by_priority as $callbacks ) {
		foreach ( $callbacks as $callback ) {
			$out[] = $callback;
		}
	}
	return $out;
}

function apply_filters( $hook_name, $value, ...$args ) {
	foreach ( wp_stubs_callbacks( $hook_name ) as list( $callback, $accepted ) ) {
		$value = call_user_func_array( $callback, array_slice( array_merge( array( $value ), $args ), 0, $accepted ) );
	}
	return $value;
}

function do_action( $hook_name, ...$args ) {
	foreach ( wp_stubs_callbacks( $hook_name ) as list( $callback, $accepted ) ) {
		call_user_func_array( $callback, array_slice( $args, 0, $accepted ) );
	}
}

// ---------------------------------------------------------------- options and locale

function get_option( $option, $default_value = false ) {
	if ( array_key_exists( $option, $GLOBALS['wp_stubs']['options'] ) ) {
		return $GLOBALS['wp_stubs']['options'][ $option ];
	}
	if ( func_num_args() > 1 ) {
		return $default_value;
	}
	$settings = $GLOBALS['wp_stubs']['settings'];
	return isset( $settings[ $option ]['args']['default'] ) ? $settings[ $option ]['args']['default'] : false;
}

/**
 * As WordPress: the value goes through sanitize_option(), hence register_setting()'s
 * sanitize_callback; a change fires add_option_{$option} (a new option) or
 * update_option_{$option}.
 */
function update_option( $option, $value ) {
	$value  = apply_filters( "sanitize_option_{$option}", $value, $option, $value );
	$exists = array_key_exists( $option, $GLOBALS['wp_stubs']['options'] );
	$old    = get_option( $option );
	if ( $value === $old ) {
		return false;
	}
	$GLOBALS['wp_stubs']['options'][ $option ] = $value;
	if ( $exists ) {
		do_action( "update_option_{$option}", $old, $value, $option );
	} else {
		do_action( "add_option_{$option}", $option, $value );
	}
	return true;
}

function delete_option( $option ) {
	unset( $GLOBALS['wp_stubs']['options'][ $option ] );
	return true;
}

function get_locale() {
	return $GLOBALS['wp_stubs']['locale'];
}

// ---------------------------------------------------------------- i18n and escaping

function __( $text, $domain = 'default' ) {
	return $text;
}

function esc_html( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}

function esc_attr( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}

function esc_html__( $text, $domain = 'default' ) {
	return esc_html( __( $text, $domain ) );
}

function esc_attr__( $text, $domain = 'default' ) {
	return esc_attr( __( $text, $domain ) );
}

/**
 * As WordPress's esc_url() in display context, with http and https as the only allowed
 * protocols: strips characters that cannot be in a URL, encodes & and ', and returns ''
 * for any other scheme (javascript:, data:, …).
 */
function esc_url( $url ) {
	$url = str_replace( ' ', '%20', ltrim( (string) $url ) );
	$url = preg_replace( '|[^a-z0-9-~+_.?#=!&;,/:%@$\|*\'()\[\]\x80-\xff]|i', '', $url );
	if ( '' === $url ) {
		return '';
	}
	$url = str_ireplace( array( '%0d', '%0a' ), '', $url );
	$url = str_replace( ';//', '://', $url );
	if ( false === strpos( $url, ':' ) && ! in_array( $url[0], array( '/', '#', '?' ), true ) ) {
		$url = 'http://' . $url;
	}
	$url = preg_replace( '/&(?!#?[a-z0-9]+;)/i', '&amp;', $url );
	$url = str_replace( '&amp;', '&#038;', $url );
	$url = str_replace( "'", '&#039;', $url );
	if ( '/' === $url[0] || '#' === $url[0] || '?' === $url[0] ) {
		return $url;
	}
	return preg_match( '/^https?:/i', $url ) ? $url : '';
}

function selected( $selected, $current = true, $display = true ) {
	$result = (string) $selected === (string) $current ? " selected='selected'" : '';
	if ( $display ) {
		echo $result; // phpcs:ignore
	}
	return $result;
}

// ---------------------------------------------------------------- URLs

function wp_parse_url( $url, $component = -1 ) {
	return parse_url( $url, $component );
}

function trailingslashit( $value ) {
	return untrailingslashit( $value ) . '/';
}

function untrailingslashit( $value ) {
	return rtrim( $value, '/\\' );
}

/** The three-argument form: add_query_arg( $key, $value, $url ). Values are not encoded, as in WordPress. */
function add_query_arg( $key, $value, $url ) {
	$fragment = '';
	if ( false !== strpos( $url, '#' ) ) {
		list( $url, $fragment ) = explode( '#', $url, 2 );
		$fragment               = '#' . $fragment;
	}
	$pair = $key . '=' . $value;
	if ( preg_match( '/([?&])' . preg_quote( $key, '/' ) . '=[^&]*/', $url ) ) {
		$url = preg_replace( '/([?&])' . preg_quote( $key, '/' ) . '=[^&]*/', '${1}' . $pair, $url, 1 );
	} else {
		$url .= ( false === strpos( $url, '?' ) ? '?' : '&' ) . $pair;
	}
	return $url . $fragment;
}

function plugins_url( $path = '', $plugin = '' ) {
	$url = 'https://site.example/wp-content/plugins';
	if ( '' !== $plugin ) {
		$url .= '/' . basename( dirname( $plugin ) );
	}
	return $url . ( '' !== $path ? '/' . ltrim( $path, '/' ) : '' );
}

// ---------------------------------------------------------------- shortcodes

function add_shortcode( $tag, $callback ) {
	$GLOBALS['wp_stubs']['shortcodes'][ $tag ] = $callback;
}

/** As WordPress: keeps the known attributes, with defaults, then the shortcode_atts_{$shortcode} filter. */
function shortcode_atts( $pairs, $atts, $shortcode = '' ) {
	$atts = (array) $atts;
	$out  = array();
	foreach ( $pairs as $name => $default ) {
		$out[ $name ] = array_key_exists( $name, $atts ) ? $atts[ $name ] : $default;
	}
	if ( $shortcode ) {
		$out = apply_filters( "shortcode_atts_{$shortcode}", $out, $pairs, $atts, $shortcode );
	}
	return $out;
}

/** Runs a registered shortcode as do_shortcode() would, from already-parsed attributes. */
function wp_stubs_do_shortcode( $tag, $atts = '' ) {
	return call_user_func( $GLOBALS['wp_stubs']['shortcodes'][ $tag ], $atts, null, $tag );
}

// ---------------------------------------------------------------- scripts

function wp_enqueue_script( $handle, $src = '', $deps = array(), $ver = false, $args = array() ) {
	$GLOBALS['wp_stubs']['scripts'][ $handle ] = array(
		'src'  => $src,
		'deps' => $deps,
		'ver'  => $ver,
		'args' => $args,
	);
}

if ( ! defined( 'WP_STUBS_NO_SCRIPT_MODULES' ) ) {
	/** As WordPress 6.5+: one queue entry per id, however often it is enqueued. */
	function wp_enqueue_script_module( $id, $src = '', $deps = array(), $version = false ) {
		if ( ! isset( $GLOBALS['wp_stubs']['script_modules'][ $id ] ) ) {
			$GLOBALS['wp_stubs']['script_modules'][ $id ] = array(
				'src'     => $src,
				'deps'    => $deps,
				'version' => $version,
			);
		}
	}
}

/** What WP_Script_Modules prints for the queue (a null version adds no ?ver=). */
function wp_stubs_print_script_modules() {
	$html = '';
	foreach ( $GLOBALS['wp_stubs']['script_modules'] as $id => $module ) {
		$src = $module['src'];
		if ( null !== $module['version'] ) {
			$src .= '?ver=' . ( false === $module['version'] ? '6.5' : $module['version'] );
		}
		$html .= sprintf( '<script type="module" src="%s" id="%s"></script>', esc_url( $src ), esc_attr( $id . '-js-module' ) ) . "\n";
	}
	return $html;
}

// ---------------------------------------------------------------- oEmbed

function wp_oembed_add_provider( $format, $provider, $regex = false ) {
	$GLOBALS['wp_stubs']['providers'][ $format ] = array( $provider, $regex );
}

// ---------------------------------------------------------------- Settings API

function register_setting( $option_group, $option_name, $args = array() ) {
	$GLOBALS['wp_stubs']['settings'][ $option_name ] = array(
		'group' => $option_group,
		'args'  => $args,
	);
	if ( ! empty( $args['sanitize_callback'] ) ) {
		add_filter( "sanitize_option_{$option_name}", $args['sanitize_callback'] );
	}
}

function add_settings_section( $id, $title, $callback, $page, $args = array() ) {
	$GLOBALS['wp_stubs']['sections'][ $page ][ $id ] = array(
		'title'    => $title,
		'callback' => $callback,
	);
}

function add_settings_field( $id, $title, $callback, $page, $section = 'default', $args = array() ) {
	$GLOBALS['wp_stubs']['fields'][ $page ][ $section ][ $id ] = array(
		'title'    => $title,
		'callback' => $callback,
		'args'     => $args,
	);
}

function add_settings_error( $setting, $code, $message, $type = 'error' ) {
	$GLOBALS['wp_settings_errors'][] = array(
		'setting' => $setting,
		'code'    => $code,
		'message' => $message,
		'type'    => $type,
	);
}

function get_settings_errors( $setting = '' ) {
	$errors = $GLOBALS['wp_settings_errors'];
	if ( '' === $setting ) {
		return $errors;
	}
	return array_values(
		array_filter(
			$errors,
			function ( $error ) use ( $setting ) {
				return $error['setting'] === $setting;
			}
		)
	);
}

// ---------------------------------------------------------------- database and caches

/**
 * A stand-in for $wpdb over a list of post meta rows and posts: enough for the plugin's
 * queries (SELECT/DELETE of _oembed_% meta that is {{unknown}}, and of oembed_cache posts).
 */
class WP_Stubs_DB {
	public $postmeta = 'wp_postmeta';
	public $posts    = 'wp_posts';
	/** Rows: array( post_id, meta_key, meta_value ). */
	public $meta = array();
	/** Posts: ID => array( post_type, post_content ). */
	public $post_rows = array();

	public function esc_like( $text ) {
		return addcslashes( $text, '_%\\' );
	}

	public function prepare( $query, ...$args ) {
		return vsprintf( str_replace( '%s', "'%s'", $query ), array_map( 'addslashes', $args ) );
	}

	/** The rows a query of the plugin's shape selects or deletes. */
	private function matching_meta( $query ) {
		if ( ! preg_match( "/meta_key LIKE '(.*?)' AND meta_value = '(.*?)'/", $query, $m ) ) {
			return array();
		}
		$prefix = stripslashes( str_replace( '\\_', '_', substr( $m[1], 0, -1 ) ) );
		return array_keys(
			array_filter(
				$this->meta,
				function ( $row ) use ( $prefix, $m ) {
					return 0 === strpos( $row[1], $prefix ) && $row[2] === $m[2];
				}
			)
		);
	}

	public function get_col( $query ) {
		if ( false !== strpos( $query, $this->posts ) ) {
			preg_match( "/post_type = '(.*?)' AND post_content = '(.*?)'/", $query, $m );
			$ids = array();
			foreach ( $this->post_rows as $id => $row ) {
				if ( $row[0] === $m[1] && $row[1] === $m[2] ) {
					$ids[] = (string) $id;
				}
			}
			return $ids;
		}
		$ids = array();
		foreach ( $this->matching_meta( $query ) as $i ) {
			$ids[] = (string) $this->meta[ $i ][0];
		}
		return array_values( array_unique( $ids ) );
	}

	public function query( $query ) {
		$rows = $this->matching_meta( $query );
		foreach ( $rows as $i ) {
			unset( $this->meta[ $i ] );
		}
		$GLOBALS['wp_stubs']['queries'][] = $query;
		return count( $rows );
	}
}
$GLOBALS['wpdb'] = new WP_Stubs_DB();

function wp_cache_delete( $key, $group = '' ) {
	$GLOBALS['wp_stubs']['cache_deleted'][] = $group . ':' . $key;
	return true;
}

function wp_delete_post( $post_id, $force_delete = false ) {
	unset( $GLOBALS['wpdb']->post_rows[ $post_id ] );
	return true;
}
