<?php
/**
 * Tests of the claimcard WordPress plugin in plain PHP, against tests/php/stubs.php
 * (no WordPress, no database, no PHPUnit). Prints "ok N - …" per check and exits 1 on
 * the first failure.
 *
 *     php integrations/wordpress/tests/php/test-shortcode.php
 *
 * With --no-script-modules it only renders a page as a WordPress without
 * wp_enqueue_script_module() would, for the fallback check (run by the main run).
 *
 * @package claimcard
 */

$claimcard_fallback_run = in_array( '--no-script-modules', isset( $argv ) ? $argv : array(), true );
if ( $claimcard_fallback_run ) {
	define( 'WP_STUBS_NO_SCRIPT_MODULES', true );
}

// Any warning, notice or deprecation, from the plugin or the test, fails the run.
set_error_handler(
	function ( $errno, $message, $file, $line ) {
		echo "not ok - PHP error {$errno}: {$message} in {$file}:{$line}\n";
		exit( 1 );
	}
);

require __DIR__ . '/stubs.php';

define( 'PLUGIN_DIR', dirname( __DIR__, 2 ) . '/claimcard' );
define( 'BASE', 'https://claims.example.org' );
define( 'INVALID_ID', '<!-- claimcard: invalid id -->' );
define( 'NO_BASE', '<!-- claimcard: API base URL not set -->' );
/** What the shortcode renders in script mode for an id, in English, with BASE. */
function element_en( $id ) {
	return '<claim-card claim="' . $id . '" api="https://claims.example.org" lang="en"><a href="https://claims.example.org/claims/' . $id . '?lang=en">claimcard fact-check card: ' . $id . '</a></claim-card>';
}
/** What the shortcode renders in iframe mode for an id, in English, with BASE. */
function figure_en( $id ) {
	return '<figure class="wp-block-embed is-type-rich is-provider-claimcard wp-block-embed-claimcard"><div class="wp-block-embed__wrapper"><iframe src="https://claims.example.org/embed/' . $id . '?lang=en" title="claimcard fact-check card: ' . $id . '" class="claimcard-embed" loading="lazy" height="' . CLAIMCARD_IFRAME_HEIGHT . '" style="display:block;width:100%;border:0"></iframe></div></figure>';
}

require PLUGIN_DIR . '/claimcard.php';

/** The hooks the plugin registered when loaded; every fresh() state starts from them. */
$plugin_hooks = $GLOBALS['wp_stubs']['hooks'];

$checks = 0;

/**
 * One check: prints "ok N - message", or "not ok N - message" and exits 1.
 *
 * @param bool   $cond    Whether it holds.
 * @param string $message What is checked.
 */
function check( $cond, $message ) {
	global $checks;
	++$checks;
	if ( true !== $cond ) {
		echo "not ok {$checks} - {$message}\n";
		exit( 1 );
	}
	echo "ok {$checks} - {$message}\n";
}

/**
 * A new request: empty registries except the plugin's hooks, the given options (as
 * stored in the database, unsanitized) and locale, then init and admin_init.
 */
function fresh( array $options = array( 'claimcard_api_base' => BASE ), $locale = 'en_US' ) {
	global $plugin_hooks;
	wp_stubs_reset();
	$GLOBALS['wp_stubs']['hooks']   = $plugin_hooks;
	$GLOBALS['wp_stubs']['options'] = $options;
	$GLOBALS['wp_stubs']['locale']  = $locale;
	unset( $GLOBALS['claimcard_widget_src'], $GLOBALS['claimcard_widget_printed'] );
	do_action( 'init' );
	do_action( 'admin_init' );
}

/** Runs [claimcard …] with already-parsed attributes. */
function sc( $atts = '' ) {
	return wp_stubs_do_shortcode( 'claimcard', $atts );
}

/** Runs an action and returns what it printed. */
function printed( $hook_name ) {
	ob_start();
	do_action( $hook_name );
	return ob_get_clean();
}

/** Calls a settings render callback and returns what it printed. */
function rendered( $callback ) {
	ob_start();
	call_user_func( $callback );
	return ob_get_clean();
}

/** Whether a URL matches a provider format, the way WP_oEmbed::get_provider() decides. */
function wp_provider_matches( $format, $regex, $url ) {
	if ( ! $regex ) {
		$format = '#' . str_replace( '___wildcard___', '(.+)', preg_quote( str_replace( '*', '___wildcard___', $format ), '#' ) ) . '#i';
		$format = preg_replace( '|^#http\\\://|', '#https?\://', $format );
	}
	return 1 === preg_match( $format, $url );
}

/** Every PHP file of the plugin. */
function plugin_php_files() {
	$files = array();
	foreach ( new RecursiveIteratorIterator( new RecursiveDirectoryIterator( PLUGIN_DIR, FilesystemIterator::SKIP_DOTS ) ) as $file ) {
		if ( 'php' === $file->getExtension() ) {
			$files[] = $file->getPathname();
		}
	}
	sort( $files );
	return $files;
}

/** The significant tokens of a PHP file (no whitespace or comments). */
function php_tokens( $file ) {
	$skip = array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT );
	return array_values(
		array_filter(
			token_get_all( file_get_contents( $file ) ),
			function ( $t ) use ( $skip ) {
				return ! ( is_array( $t ) && in_array( $t[0], $skip, true ) );
			}
		)
	);
}

/** The names of the functions a file calls, and of those it defines. */
function php_functions( $file ) {
	$name_tokens = array( T_STRING );
	if ( defined( 'T_NAME_FULLY_QUALIFIED' ) ) {
		$name_tokens[] = T_NAME_FULLY_QUALIFIED;
	}
	$not_calls = array( T_FUNCTION, T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_NEW, T_CONST );
	if ( defined( 'T_NULLSAFE_OBJECT_OPERATOR' ) ) {
		$not_calls[] = T_NULLSAFE_OBJECT_OPERATOR;
	}
	$tokens = php_tokens( $file );
	$called = array();
	$defined = array();
	foreach ( $tokens as $i => $t ) {
		if ( ! is_array( $t ) || ! in_array( $t[0], $name_tokens, true ) || ! isset( $tokens[ $i + 1 ] ) || '(' !== $tokens[ $i + 1 ] ) {
			continue;
		}
		$prev = isset( $tokens[ $i - 1 ] ) ? $tokens[ $i - 1 ] : null;
		if ( is_array( $prev ) && T_FUNCTION === $prev[0] ) {
			$defined[] = $t[1];
		} elseif ( ! ( is_array( $prev ) && in_array( $prev[0], $not_calls, true ) ) ) {
			$called[] = ltrim( $t[1], '\\' );
		}
	}
	return array( array_unique( $called ), $defined );
}

/** The header fields of a plugin file or readme.txt ("Name: value" lines). */
function header_fields( $file ) {
	preg_match_all( '/^[ \t\/*#@]*([A-Za-z][A-Za-z ]*?):[ \t]*(.+?)\s*$/m', file_get_contents( $file ), $m, PREG_SET_ORDER );
	$out = array();
	foreach ( $m as $row ) {
		if ( ! isset( $out[ $row[1] ] ) ) {
			$out[ $row[1] ] = $row[2];
		}
	}
	return $out;
}

// -------------------------------------------------------------------------------------
// The fallback run: a page rendered by a WordPress without the Script Modules API.
if ( $claimcard_fallback_run ) {
	fresh();
	echo sc( array( 'id' => 'dnc-hack-2016' ) ) . "\n";
	echo sc( array( 'id' => 'gru-indictment-2018' ) ) . "\n";
	echo printed( 'wp_footer' );
	echo printed( 'wp_footer' );
	exit( 0 );
}

// -------------------------------------------------------------------------------------
// The plugin's files.
$header = header_fields( PLUGIN_DIR . '/claimcard.php' );
check( 'claimcard' === $header['Plugin Name'], 'the plugin header names the plugin claimcard' );
check( '0.1.0' === $header['Version'] && '6.1' === $header['Requires at least'] && '7.4' === $header['Requires PHP'], 'the header has Version 0.1.0, Requires at least 6.1 (the fallback for WordPress before 6.5 is tested in 6.1), Requires PHP 7.4' );
check( 'MIT' === $header['License'] && '' !== trim( $header['Description'] ), 'the header has a Description and License MIT' );

$readme = header_fields( PLUGIN_DIR . '/readme.txt' );
check( '0.1.0' === $readme['Stable tag'] && '6.1' === $readme['Requires at least'] && '7.4' === $readme['Requires PHP'] && '6.8' === $readme['Tested up to'], 'readme.txt agrees with the plugin header (Stable tag, Requires at least, Requires PHP) and says Tested up to 6.8' );

$unguarded = array();
foreach ( plugin_php_files() as $file ) {
	$guard = 'uninstall.php' === basename( $file ) ? "defined( 'WP_UNINSTALL_PLUGIN' ) || exit;" : "defined( 'ABSPATH' ) || exit;";
	if ( false === strpos( file_get_contents( $file ), $guard ) ) {
		$unguarded[] = basename( $file );
	}
}
check( array() === $unguarded, 'every PHP file of the plugin exits when loaded outside WordPress' . ( $unguarded ? ': not ' . implode( ', ', $unguarded ) : '' ) );

$missing   = array();
$php8_only = array();
$unprefixed = array();
$php8_functions = array( 'str_contains', 'str_starts_with', 'str_ends_with', 'array_is_list', 'get_debug_type', 'fdiv', 'get_resource_id', 'preg_last_error_msg', 'array_find', 'array_any', 'array_all', 'json_validate' );
foreach ( plugin_php_files() as $file ) {
	list( $called, $defined ) = php_functions( $file );
	foreach ( $called as $name ) {
		if ( ! function_exists( $name ) ) {
			$missing[] = basename( $file ) . ': ' . $name;
		}
		if ( in_array( strtolower( $name ), $php8_functions, true ) ) {
			$php8_only[] = basename( $file ) . ': ' . $name;
		}
	}
	foreach ( $defined as $name ) {
		if ( 0 !== strpos( $name, 'claimcard_' ) ) {
			$unprefixed[] = basename( $file ) . ': ' . $name;
		}
	}
}
check( array() === $missing, 'every function the plugin calls exists (PHP, the stubs, or the plugin)' . ( $missing ? ': missing ' . implode( ', ', $missing ) : '' ) );
check( array() === $php8_only, 'the plugin calls no PHP 8-only function (Requires PHP 7.4)' . ( $php8_only ? ': ' . implode( ', ', $php8_only ) : '' ) );
check( array() === $unprefixed, 'every function the plugin defines is prefixed claimcard_' . ( $unprefixed ? ': ' . implode( ', ', $unprefixed ) : '' ) );

$uncallable = array();
foreach ( $plugin_hooks as $hook_name => $unused ) {
	foreach ( wp_stubs_callbacks( $hook_name ) as list( $callback ) ) {
		if ( ! is_callable( $callback ) ) {
			$uncallable[] = $hook_name . ': ' . ( is_string( $callback ) ? $callback : '?' );
		}
	}
}
check( array() === $uncallable, 'every hook callback the plugin registers is callable' . ( $uncallable ? ': ' . implode( ', ', $uncallable ) : '' ) );
check( array() === $GLOBALS['wp_stubs']['shortcodes'] && array() === $GLOBALS['wp_stubs']['providers'], 'loading the plugin only adds hooks: the shortcode and the provider wait for init' );

// -------------------------------------------------------------------------------------
// Script mode.
fresh();
check( 'claimcard_shortcode' === $GLOBALS['wp_stubs']['shortcodes']['claimcard'], 'init registers the [claimcard] shortcode' );
$out = sc( array( 'id' => 'dnc-hack-2016', 'lang' => 'fr', 'mode' => 'script' ) );
check( '<claim-card claim="dnc-hack-2016" api="https://claims.example.org" lang="fr"><a href="https://claims.example.org/claims/dnc-hack-2016?lang=fr">Fiche de vérification claimcard : dnc-hack-2016</a></claim-card>' === $out, 'script mode renders exactly <claim-card claim api lang> with a link to the claim page inside (for feeds and readers without JavaScript)' );
check( false === stripos( $out, '<script' ), 'script mode prints no <script> inline (the module is enqueued)' );
$modules = $GLOBALS['wp_stubs']['script_modules'];
check( array( 'claimcard-widget' ) === array_keys( $modules ) && BASE . '/widget.js' === $modules['claimcard-widget']['src'], 'script mode enqueues the module {base}/widget.js with wp_enqueue_script_module' );
check( null === $modules['claimcard-widget']['version'] && array() === $modules['claimcard-widget']['deps'], 'the module URL gets no ?ver= and has no dependencies' );

$second = sc( array( 'id' => 'gru-indictment-2018' ) );
check( element_en( 'gru-indictment-2018' ) === $second, 'mode defaults to script, lang to the locale\'s (en_US → en)' );
$page_scripts = wp_stubs_print_script_modules();
check( 1 === count( $GLOBALS['wp_stubs']['script_modules'] ) && 1 === substr_count( $page_scripts, BASE . '/widget.js' ), 'two shortcodes on a page load the widget module once' );
check( '' === printed( 'wp_footer' ), 'with the Script Modules API, the footer prints no fallback script' );

exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( __FILE__ ) . ' --no-script-modules 2>&1', $fallback_lines, $fallback_code );
$fallback = implode( "\n", $fallback_lines );
check( 0 === $fallback_code && 2 === substr_count( $fallback, '<claim-card ' ), 'without wp_enqueue_script_module, the shortcodes still render their elements' );
check( 1 === substr_count( $fallback, '<script type="module" src="https://claims.example.org/widget.js"></script>' ) && 1 === substr_count( $fallback, '<script' ), 'without wp_enqueue_script_module, one <script type="module" src="{base}/widget.js"> is printed per page' );

fresh( array( 'claimcard_api_base' => 'https://news.example/tools/claimcard/' ) );
check( 0 === strpos( sc( array( 'id' => 'x' ) ), '<claim-card claim="x" api="https://news.example/tools/claimcard" lang="en"><a href="https://news.example/tools/claimcard/claims/x?lang=en">' ) && 'https://news.example/tools/claimcard/widget.js' === $GLOBALS['wp_stubs']['script_modules']['claimcard-widget']['src'], 'a base URL with a path and a trailing slash gives api, the link and widget.js without a double slash' );

// -------------------------------------------------------------------------------------
// Iframe mode.
fresh();
$out = sc( array( 'id' => 'dnc-hack-2016', 'lang' => 'en', 'mode' => 'iframe' ) );
check( figure_en( 'dnc-hack-2016' ) === $out, 'iframe mode renders exactly the iframe of {base}/embed/{id}?lang=en, full width, with its title, in the embed figure WordPress uses' );
$out_fr = sc( array( 'id' => 'ukraine-ministries-2022', 'lang' => 'fr', 'mode' => 'iframe' ) );
check( false !== strpos( $out_fr, 'src="https://claims.example.org/embed/ukraine-ministries-2022?lang=fr"' ) && false !== strpos( $out_fr, 'title="Fiche de vérification claimcard : ukraine-ministries-2022"' ), 'iframe mode: lang=fr in the src and a French title' );
check( array( 'claimcard-widget' ) === array_keys( $GLOBALS['wp_stubs']['script_modules'] ) && false === stripos( $out . $out_fr, '<script' ), 'iframe mode prints no script inline, and enqueues widget.js, which sizes the iframe to its card' );
check( 0 === strpos( sc( array( 'id' => 'dnc-hack-2016', 'mode' => ' IFRAME ' ) ), '<figure ' ), 'mode is read case-insensitively' );
check( 0 === strpos( sc( array( 'id' => 'dnc-hack-2016', 'mode' => 'bogus' ) ), '<claim-card ' ), 'an unknown mode falls back to script' );

// -------------------------------------------------------------------------------------
// Language: attribute > option > locale.
fresh( array( 'claimcard_api_base' => BASE, 'claimcard_lang' => 'en' ), 'fr_FR' );
check( false !== strpos( sc( array( 'id' => 'a', 'lang' => 'fr' ) ), 'lang="fr"' ), 'the lang attribute wins over the option' );
check( false !== strpos( sc( array( 'id' => 'a' ) ), 'lang="en"' ), 'the option wins over the locale' );
check( false !== strpos( sc( array( 'id' => 'a', 'lang' => 'de' ) ), 'lang="en"' ) && false !== strpos( sc( array( 'id' => 'a', 'lang' => 'EN' ) ), 'lang="en"' ), 'an unsupported lang attribute falls back to the option; EN reads as en' );
fresh( array( 'claimcard_api_base' => BASE, 'claimcard_lang' => 'auto' ), 'fr_CA' );
check( false !== strpos( sc( array( 'id' => 'a' ) ), 'lang="fr"' ), 'option auto: the locale decides (fr_CA → fr)' );
fresh( array( 'claimcard_api_base' => BASE, 'claimcard_lang' => 'xx' ), 'fr_BE' );
check( false !== strpos( sc( array( 'id' => 'a' ) ), 'lang="fr"' ), 'an invalid stored option falls back to the locale (fr_BE → fr)' );
fresh( array( 'claimcard_api_base' => BASE ), 'en_GB' );
check( false !== strpos( sc( array( 'id' => 'a' ) ), 'lang="en"' ), 'no option: the locale decides (en_GB → en)' );
$locale_cases = array(
	'fr_FR' => 'fr',
	'fr'    => 'fr',
	'FR_fr' => 'fr',
	'de_DE' => 'en',
	'fur'   => 'en',
	'frr'   => 'en',
	''      => 'en',
);
$wrong = array();
foreach ( $locale_cases as $locale => $want ) {
	if ( claimcard_lang_from_locale( $locale ) !== $want ) {
		$wrong[] = "{$locale} → " . claimcard_lang_from_locale( $locale );
	}
}
check( array() === $wrong, 'locales fr_* map to fr, every other to en' . ( $wrong ? ': ' . implode( ', ', $wrong ) : '' ) );

// -------------------------------------------------------------------------------------
// Invalid ids: the comment, and nothing else.
fresh();
$bad_ids = array(
	'../etc'                         => '../etc',
	'"><script>'                     => '"><script>alert(1)</script>',
	'empty'                          => '',
	'65 chars'                       => str_repeat( 'a', 65 ),
	'upper case'                     => 'DNC-Hack-2016',
	'double hyphen'                  => 'dnc--hack',
	'leading hyphen'                 => '-dnc',
	'trailing hyphen'                => 'dnc-',
	'space'                          => 'dnc hack',
	'slash'                          => 'dnc/hack',
	'percent-encoded'                => 'dnc%2Fhack',
	'url'                            => 'https://claims.example.org/claims/dnc-hack-2016',
	'array'                          => array( 'dnc-hack-2016' ),
);
foreach ( array( 'script', 'iframe' ) as $mode ) {
	$leaks = array();
	foreach ( $bad_ids as $label => $id ) {
		if ( INVALID_ID !== sc( array( 'id' => $id, 'mode' => $mode ) ) ) {
			$leaks[] = $label;
		}
	}
	check( array() === $leaks, "invalid ids give only <!-- claimcard: invalid id --> in {$mode} mode" . ( $leaks ? ': not for ' . implode( ', ', $leaks ) : '' ) );
}
check( INVALID_ID === sc( '' ) && INVALID_ID === sc( array() ) && INVALID_ID === sc( array( 'lang' => 'fr' ) ), 'a missing id (no attributes at all, or no id) gives the comment' );
check( array() === $GLOBALS['wp_stubs']['script_modules'], 'invalid ids enqueue nothing' );
check( claimcard_is_valid_id( str_repeat( 'a', 64 ) ) && claimcard_is_valid_id( 'dnc-hack-2016' ) && ! claimcard_is_valid_id( "dnc-hack-2016\n" ), 'ids of 64 chars are valid; a trailing newline is not' );
check( 0 === strpos( sc( array( 'id' => ' dnc-hack-2016 ' ) ), '<claim-card claim="dnc-hack-2016" ' ), 'spaces around the id are trimmed' );

// -------------------------------------------------------------------------------------
// No base URL, or a stored one that is not an http(s) URL.
foreach ( array( 'unset' => array(), 'empty' => array( 'claimcard_api_base' => '' ), 'javascript:' => array( 'claimcard_api_base' => 'javascript:alert(1)' ), 'markup' => array( 'claimcard_api_base' => 'https://claims.example.org/"><script>alert(1)</script>' ), 'http:// (not local)' => array( 'claimcard_api_base' => 'http://claims.example.org' ) ) as $label => $options ) {
	fresh( $options );
	$outs = sc( array( 'id' => 'dnc-hack-2016' ) ) . sc( array( 'id' => 'dnc-hack-2016', 'mode' => 'iframe' ) );
	check( NO_BASE . NO_BASE === $outs && array() === $GLOBALS['wp_stubs']['script_modules'] && array() === $GLOBALS['wp_stubs']['providers'], "base URL {$label}: <!-- claimcard: API base URL not set -->, nothing enqueued, no oEmbed provider" );
}

// -------------------------------------------------------------------------------------
// Settings → Writing.
fresh( array() );
$settings = $GLOBALS['wp_stubs']['settings'];
check( 'writing' === $settings['claimcard_api_base']['group'] && 'claimcard_sanitize_api_base' === $settings['claimcard_api_base']['args']['sanitize_callback'] && '' === $settings['claimcard_api_base']['args']['default'], 'claimcard_api_base is registered on Writing with a sanitize_callback and an empty default' );
check( 'writing' === $settings['claimcard_lang']['group'] && 'claimcard_sanitize_lang' === $settings['claimcard_lang']['args']['sanitize_callback'], 'claimcard_lang is registered on Writing with a sanitize_callback' );
$fields = $GLOBALS['wp_stubs']['fields']['writing']['claimcard'];
check( isset( $GLOBALS['wp_stubs']['sections']['writing']['claimcard'] ) && 'claimcard API base URL' === $fields['claimcard_api_base']['title'] && isset( $fields['claimcard_lang'] ), 'a claimcard section on Settings → Writing has the field "claimcard API base URL" and the language field' );

update_option( 'claimcard_api_base', '  https://claims.example.org/  ' );
check( BASE === get_option( 'claimcard_api_base' ) && array() === get_settings_errors(), 'the sanitizer keeps an https URL, trimmed and without trailing slash' );
update_option( 'claimcard_api_base', 'http://127.0.0.1:8787' );
check( 'http://127.0.0.1:8787' === get_option( 'claimcard_api_base' ), 'the sanitizer keeps a local http URL with a port' );
$kept = array();
foreach ( array( 'http://localhost:8787', 'http://LOCALHOST', 'http://claimcard.localhost:8787/api', 'http://127.0.0.2', 'http://[::1]:8787', 'https://claims.example.org:8443/tools' ) as $value ) {
	$GLOBALS['wp_settings_errors'] = array();
	update_option( 'claimcard_api_base', $value );
	if ( $value !== get_option( 'claimcard_api_base' ) || array() !== get_settings_errors() ) {
		$kept[] = $value;
	}
}
check( array() === $kept, 'the sanitizer keeps http for localhost, *.localhost, 127.0.0.0/8 and [::1], and https with a port and a path' . ( $kept ? ': refused ' . implode( ', ', $kept ) : '' ) );
update_option( 'claimcard_api_base', 'http://127.0.0.1:8787' );
update_option( 'claimcard_api_base', 'javascript:alert(1)' );
$errors = get_settings_errors( 'claimcard_api_base' );
check( 'http://127.0.0.1:8787' === get_option( 'claimcard_api_base' ) && 1 === count( $errors ) && 'error' === $errors[0]['type'], 'the sanitizer refuses javascript:alert(1): a settings error, and the old value is kept' );
$refused = array(
	'JavaScript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'ftp://claims.example.org',
	'//claims.example.org',
	'claims.example.org',
	'https:claims.example.org',
	'https://',
	'https://claims.example.org/?a=1',
	'https://claims.example.org/#x',
	'https://user:pass@claims.example.org',
	'https://claims.example.org/a b',
	'https://claims.example.org/"><script>alert(1)</script>',
	"https://claims.example.org/\nx",
	'https://exa_mple.org',
	'http://claims.example.org',
	'http://10.0.0.5:8787',
	'http://192.168.1.10',
	'http://127.0.0.1.evil.example',
	'http://localhost.evil.example',
	'http://127.0.0.256',
	'http://[::2]',
	array( BASE ),
);
$accepted = array();
foreach ( $refused as $value ) {
	$GLOBALS['wp_settings_errors']                        = array();
	$GLOBALS['wp_stubs']['options']['claimcard_api_base'] = 'http://127.0.0.1:8787';
	update_option( 'claimcard_api_base', $value );
	if ( 'http://127.0.0.1:8787' !== get_option( 'claimcard_api_base' ) || 1 !== count( get_settings_errors( 'claimcard_api_base' ) ) ) {
		$accepted[] = is_string( $value ) ? json_encode( $value ) : gettype( $value );
	}
}
check( array() === $accepted, 'the sanitizer refuses every non-http(s), relative, query, fragment, credential or malformed URL, and http to a host that is not this machine, with an error' . ( $accepted ? ': accepted ' . implode( ', ', $accepted ) : '' ) );
$GLOBALS['wp_settings_errors'] = array();
update_option( 'claimcard_api_base', '' );
check( '' === get_option( 'claimcard_api_base' ) && array() === get_settings_errors(), 'an empty value clears the base URL' );
update_option( 'claimcard_lang', 'fr' );
update_option( 'claimcard_lang', 'de' );
check( 'fr' === get_option( 'claimcard_lang' ) && 1 === count( get_settings_errors( 'claimcard_lang' ) ), 'the language sanitizer keeps fr|en|auto and refuses the rest with an error' );

$GLOBALS['wp_stubs']['options']['claimcard_api_base'] = 'https://x.example/"><script>alert(1)</script>';
$field = rendered( $fields['claimcard_api_base']['callback'] );
check( false === strpos( $field, '<script' ) && false !== strpos( $field, 'value="https://x.example/&quot;&gt;&lt;script&gt;' ) && false !== strpos( $field, 'name="claimcard_api_base"' ), 'the URL field escapes the stored value' );
$select = rendered( $fields['claimcard_lang']['callback'] );
check( 1 === substr_count( $select, " selected='selected'" ) && false !== strpos( $select, "value=\"fr\" selected='selected'" ), 'the language field selects the stored language' );
check( false !== strpos( rendered( $GLOBALS['wp_stubs']['sections']['writing']['claimcard']['callback'] ), '<p>' ), 'the section prints its introduction' );

// -------------------------------------------------------------------------------------
// oEmbed provider.
fresh();
$providers = $GLOBALS['wp_stubs']['providers'];
check( array( 'https://claims.example.org/claims/*' => array( 'https://claims.example.org/v1/oembed', false ) ) === $providers, 'init registers the oEmbed provider {base}/claims/* → {base}/v1/oembed (not a regex)' );
$format = key( $providers );
check( wp_provider_matches( $format, false, 'https://claims.example.org/claims/dnc-hack-2016' ) && wp_provider_matches( $format, false, 'https://claims.example.org/claims/dnc-hack-2016/' ), 'as WP_oEmbed matches it, the format takes claim URLs' );
check( ! wp_provider_matches( $format, false, 'https://other.example/claims/dnc-hack-2016' ) && ! wp_provider_matches( $format, false, 'https://claims.example.org/embed/dnc-hack-2016' ) && ! wp_provider_matches( $format, false, 'https://claims.example.org/claims/' ), 'and not other hosts, other paths, or the bare /claims/' );
fresh( array( 'claimcard_api_base' => 'http://127.0.0.1:8787/' ) );
check( array( 'http://127.0.0.1:8787/claims/*' => array( 'http://127.0.0.1:8787/v1/oembed', false ) ) === $GLOBALS['wp_stubs']['providers'], 'a local base URL (with a trailing slash stored) registers http://127.0.0.1:8787/claims/*' );

fresh( array( 'claimcard_api_base' => BASE, 'claimcard_lang' => 'fr' ) );
$endpoint = BASE . '/v1/oembed?maxwidth=600&maxheight=900&url=' . rawurlencode( BASE . '/claims/dnc-hack-2016' ) . '&dnt=1';
check( $endpoint . '&lang=fr' === apply_filters( 'oembed_fetch_url', $endpoint, BASE . '/claims/dnc-hack-2016', array() ), 'oembed_fetch_url asks claimcard for the configured language' );
$others = array( 'https://www.youtube.com/oembed?url=x', BASE . '/v1/oembedx?url=x', 'https://claims.example.org.evil/v1/oembed?url=x' );
$touched = array_filter(
	$others,
	function ( $u ) {
		return apply_filters( 'oembed_fetch_url', $u, '', array() ) !== $u;
	}
);
check( array() === $touched, 'other providers\' endpoints are left alone' );
$claim_en = BASE . '/claims/dnc-hack-2016?lang=en';
check( $endpoint === apply_filters( 'oembed_fetch_url', $endpoint, $claim_en, array() ), 'a claim URL that names its language (?lang=en) keeps it' );
$claim_url = BASE . '/claims/dnc-hack-2016';
$built     = '<iframe src="https://claims.example.org/embed/dnc-hack-2016?lang=fr" title="claimcard: The DNC hack &amp; more" class="claimcard-embed" loading="lazy" height="' . CLAIMCARD_IFRAME_HEIGHT . '" style="display:block;width:100%;border:0"></iframe>';
$answer    = (object) array(
	'type'  => 'rich',
	'title' => 'The DNC hack & more',
	'html'  => '<script>alert(1)</script><iframe src="https://evil.example/" width="500" height="370"></iframe>',
);
check( $built === apply_filters( 'oembed_dataparse', '<script>alert(1)</script><iframe src="https://evil.example/"></iframe>', $answer, $claim_url ), 'oembed_dataparse: for a claim URL, the iframe is built from the id in the URL (and the title, as text), never from the answer\'s HTML' );
$hostile_title = (object) array( 'type' => 'rich', 'title' => '"><script>alert(1)</script>' );
$out           = apply_filters( 'oembed_dataparse', 'x', $hostile_title, $claim_url . '/?lang=en' );
check( false === strpos( $out, '<script' ) && false !== strpos( $out, 'src="https://claims.example.org/embed/dnc-hack-2016?lang=en"' ) && false !== strpos( $out, 'title="claimcard: &quot;&gt;&lt;script&gt;' ), 'a hostile title is escaped; a trailing slash and ?lang=en are understood' );
$untouched = array(
	array( false, $answer, $claim_url ),
	array( 'x', $answer, 'https://claims.example.org/embed/dnc-hack-2016' ),
	array( 'x', $answer, 'https://claims.example.org/claims/DNC' ),
	array( 'x', $answer, 'https://claims.example.org.evil/claims/dnc-hack-2016' ),
	array( 'x', $answer, 'http://claims.example.org/claims/dnc-hack-2016' ),
	array( 'x', (object) array( 'type' => 'video' ), $claim_url ),
);
$changed = array_filter(
	$untouched,
	function ( $args ) {
		return apply_filters( 'oembed_dataparse', ...$args ) !== $args[0];
	}
);
check( array() === $changed, 'oembed_dataparse leaves failures, other URLs (another path or host, a bad id, http for an https base) and other types alone' );
check( array() === $GLOBALS['wp_stubs']['script_modules'], 'oembed_dataparse enqueues nothing (it also runs for the editor\'s preview)' );
$cached = '<iframe src="https://evil.example/" title="claimcard: Old &amp; cached" onload="alert(1)"></iframe><script>alert(1)</script>';
check( str_replace( 'The DNC hack &amp; more', 'Old &amp; cached', $built ) === apply_filters( 'embed_oembed_html', $cached, $claim_url . '?lang=fr', array(), 1 ) && 1 === count( $GLOBALS['wp_stubs']['script_modules'] ), 'embed_oembed_html: a cached claimcard embed is built again from the URL (keeping only its title) and loads widget.js once, so that its iframe resizes' );
$youtube = '<iframe src="https://www.youtube.com/embed/x" class="claimcard-embed"></iframe>';
check( $youtube === apply_filters( 'embed_oembed_html', $youtube, 'https://www.youtube.com/watch?v=x', array(), 1 ) && 1 === count( $GLOBALS['wp_stubs']['script_modules'] ), 'another provider\'s embed is left alone and loads nothing' );

// WordPress's safe HTTP client (oEmbed) may reach the configured base, and only it.
fresh( array( 'claimcard_api_base' => 'http://127.0.0.1:8787' ) );
$safe = array(
	'host' => apply_filters( 'http_request_host_is_external', false, '127.0.0.1', 'http://127.0.0.1:8787/v1/oembed?url=x' ),
	'port' => apply_filters( 'http_allowed_safe_ports', array( 80, 443, 8080 ), '127.0.0.1', 'http://127.0.0.1:8787/v1/oembed?url=x' ),
);
check( true === $safe['host'] && array( 80, 443, 8080, 8787 ) === $safe['port'], 'for a URL under a local base, the host counts as external and its port is allowed' );
$others = array( 'http://127.0.0.1:8788/', 'http://127.0.0.1:87870/', 'http://127.0.0.1/', 'http://10.0.0.1:8787/', 'http://localhost:8787/' );
$opened = array_filter(
	$others,
	function ( $u ) {
		return false !== apply_filters( 'http_request_host_is_external', false, 'h', $u ) || array( 80, 443, 8080 ) !== apply_filters( 'http_allowed_safe_ports', array( 80, 443, 8080 ), 'h', $u );
	}
);
check( array() === $opened, 'other hosts and ports stay refused' . ( $opened ? ': ' . implode( ', ', $opened ) : '' ) );
check( array( 80, 443, 8080 ) === apply_filters( 'http_allowed_safe_ports', array( 80, 443, 8080 ), 'claims.example.org', BASE . '/v1/oembed' ), 'a base without a port adds none' );

// A change of base forgets the embeds WordPress could not make.
fresh( array() );
$GLOBALS['wpdb']->meta      = array(
	array( 7, '_oembed_0123', '{{unknown}}' ),
	array( 7, '_oembed_time_0123', '1700000000' ),
	array( 8, '_oembed_4567', '<iframe src="https://www.youtube.com/embed/x"></iframe>' ),
	array( 9, '_other', '{{unknown}}' ),
);
$GLOBALS['wpdb']->post_rows = array(
	20 => array( 'oembed_cache', '{{unknown}}' ),
	21 => array( 'oembed_cache', '<iframe></iframe>' ),
	22 => array( 'post', '{{unknown}}' ),
);
update_option( 'claimcard_api_base', BASE );
check( array( 1, 2, 3 ) === array_keys( $GLOBALS['wpdb']->meta ) && array( 21, 22 ) === array_keys( $GLOBALS['wpdb']->post_rows ) && array( 'post_meta:7' ) === $GLOBALS['wp_stubs']['cache_deleted'], 'setting the base forgets failed embeds (_oembed_* meta and oembed_cache posts that are {{unknown}}), and nothing else' );
$GLOBALS['wpdb']->meta[] = array( 7, '_oembed_89ab', '{{unknown}}' );
update_option( 'claimcard_api_base', 'https://other.example.org' );
check( 3 === count( $GLOBALS['wpdb']->meta ), 'changing the base does it again' );
$GLOBALS['wpdb']->meta[] = array( 7, '_oembed_cdef', '{{unknown}}' );
update_option( 'claimcard_api_base', 'https://other.example.org' );
check( 4 === count( $GLOBALS['wpdb']->meta ), 'saving the same base does not' );

// -------------------------------------------------------------------------------------
// Block editor.
fresh();
do_action( 'enqueue_block_editor_assets' );
$script = isset( $GLOBALS['wp_stubs']['scripts']['claimcard-embed-variation'] ) ? $GLOBALS['wp_stubs']['scripts']['claimcard-embed-variation'] : null;
check( null !== $script && 'https://site.example/wp-content/plugins/claimcard/blocks/embed-variation.js' === $script['src'], 'the editor gets blocks/embed-variation.js' );
check( array() === array_diff( array( 'wp-blocks', 'wp-dom-ready' ), $script['deps'] ) && '0.1.0' === $script['ver'], 'it depends on wp-blocks and wp-dom-ready, versioned 0.1.0' );
$js = file_get_contents( PLUGIN_DIR . '/blocks/embed-variation.js' );
check( false !== strpos( $js, "registerBlockVariation( 'core/embed'" ) && false !== strpos( $js, "providerNameSlug: 'claimcard'" ) && false !== strpos( $js, 'patterns: [ /^https?:\/\/[^/]+\/claims\/[a-z0-9-]+\/?$/i ]' ), 'embed-variation.js registers the claimcard variation of core/embed with the claim URL pattern' );

// -------------------------------------------------------------------------------------
// Hostile attribute values never reach the markup unescaped.
fresh();
$hostile = array( '"', "'", '"><script>alert(1)</script>', "' onmouseover='alert(1)", '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '&quot; onload=&quot;x' );
$allowed = array(
	element_en( 'dnc-hack-2016' ),
	figure_en( 'dnc-hack-2016' ),
	INVALID_ID,
);
foreach ( array( 'id', 'lang', 'mode', 'onload' ) as $attr ) {
	$bad = array();
	foreach ( $hostile as $value ) {
		foreach ( array( 'script', 'iframe' ) as $mode ) {
			$atts          = array(
				'id'   => 'dnc-hack-2016',
				'mode' => $mode,
			);
			$atts[ $attr ] = $value;
			$out           = sc( $atts );
			if ( ! in_array( $out, $allowed, true ) || preg_match( '/<script|<img|onerror|onmouseover|onload|javascript:/i', $out ) ) {
				$bad[] = "{$attr}={$value} ({$mode}): {$out}";
			}
		}
	}
	check( array() === $bad, "a hostile {$attr} attribute (quotes, <script>, handlers, javascript:) only ever yields the known markup" . ( $bad ? ': ' . implode( ' | ', $bad ) : '' ) );
}

$direct = claimcard_render_element( 'javascript:alert(1)', '"><script>alert(1)</script>', "' onmouseover='x" )
	. claimcard_render_iframe( 'https://claims.example.org/"><script>', '"><img src=x onerror=alert(1)>', "' onload='x" );
check( ! preg_match( '#<script|<img|javascript:|\'\s*on\w+=|"\s*on\w+=|"><(?!/|a href=")#i', $direct ) && 3 === substr_count( $direct, '<' ) - substr_count( $direct, '</' ), 'the renderers escape every value themselves, even values that never pass validation' );

// -------------------------------------------------------------------------------------
// Uninstall.
fresh( array( 'claimcard_api_base' => BASE, 'claimcard_lang' => 'fr', 'other' => 1 ) );
define( 'WP_UNINSTALL_PLUGIN', 'claimcard/claimcard.php' );
require PLUGIN_DIR . '/uninstall.php';
check( array( 'other' => 1 ) === $GLOBALS['wp_stubs']['options'], 'uninstall.php deletes claimcard_api_base and claimcard_lang, nothing else' );

echo "1..{$checks}\n# all {$checks} checks passed\n";
