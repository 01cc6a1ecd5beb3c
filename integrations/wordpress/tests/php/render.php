<?php
/**
 * Prints, as JSON, what the plugin produces for an API base URL, a claim id and a
 * language: both shortcode renderings, the widget module, the oEmbed provider and the
 * oEmbed request WordPress would send (as WP_oEmbed::fetch() builds it). Used by
 * tests/node/wordpress.test.ts to check them against a running claimcard API.
 *
 *     php integrations/wordpress/tests/php/render.php http://127.0.0.1:8787 dnc-hack-2016 fr
 *
 * @package claimcard
 */

set_error_handler(
	function ( $errno, $message, $file, $line ) {
		fwrite( STDERR, "PHP error {$errno}: {$message} in {$file}:{$line}\n" );
		exit( 1 );
	}
);

require __DIR__ . '/stubs.php';
require dirname( __DIR__, 2 ) . '/claimcard/claimcard.php';

list( , $base, $id, $lang ) = array_pad( isset( $argv ) ? $argv : array(), 4, '' );

$GLOBALS['wp_stubs']['options'] = array(
	'claimcard_api_base' => $base,
	'claimcard_lang'     => $lang,
);
do_action( 'init' );

$shortcode = $GLOBALS['wp_stubs']['shortcodes']['claimcard'];
$element   = call_user_func( $shortcode, array( 'id' => $id ), null, 'claimcard' );
$iframe    = call_user_func( $shortcode, array( 'id' => $id, 'mode' => 'iframe' ), null, 'claimcard' );
$providers = $GLOBALS['wp_stubs']['providers'];
$format    = (string) key( $providers );
$endpoint  = $providers ? $providers[ $format ][0] : '';
$claim_url = str_replace( '*', $id, $format );

// As WP_oEmbed::fetch() and ::_fetch_with_format() build the request.
$request = add_query_arg( 'maxwidth', 600, $endpoint );
$request = add_query_arg( 'maxheight', 900, $request );
$request = add_query_arg( 'url', rawurlencode( $claim_url ), $request );
$request = add_query_arg( 'dnt', 1, $request );
$request = apply_filters( 'oembed_fetch_url', $request, $claim_url, array() );
$request = add_query_arg( 'format', 'json', $request );

echo json_encode(
	array(
		'element'        => $element,
		'iframe'         => $iframe,
		'module'         => isset( $GLOBALS['wp_stubs']['script_modules']['claimcard-widget'] ) ? $GLOBALS['wp_stubs']['script_modules']['claimcard-widget']['src'] : null,
		'providerFormat' => $format,
		'endpoint'       => $endpoint,
		'claimUrl'       => $claim_url,
		'oembedRequest'  => $request,
	),
	JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT
) . "\n";
