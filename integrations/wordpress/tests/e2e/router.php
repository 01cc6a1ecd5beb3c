<?php
/**
 * Router of `php -S` for a Debian WordPress: what Debian's Apache configuration does.
 * /wp-content/… is served from WP_CONTENT_DIR (Debian keeps it in /var/lib/wordpress,
 * outside ABSPATH), existing files from ABSPATH, and everything else (pretty permalinks,
 * /wp-json/oembed/1.0/proxy, which php -S alone would take for a missing file because
 * of its dot) goes to WordPress's index.php.
 *
 *     CLAIMCARD_WP_CONTENT=/…/var/lib/wordpress/wp-content php -S 127.0.0.1:8080 -t /…/usr/share/wordpress router.php
 */

$claimcard_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( false !== strpos( $claimcard_path, '..' ) || false !== strpos( $claimcard_path, "\0" ) ) {
	http_response_code( 400 );
	return true;
}

if ( 0 === strpos( $claimcard_path, '/wp-content/' ) ) {
	$claimcard_file = getenv( 'CLAIMCARD_WP_CONTENT' ) . substr( $claimcard_path, strlen( '/wp-content' ) );
	$claimcard_types = array(
		'css'   => 'text/css',
		'js'    => 'text/javascript',
		'mjs'   => 'text/javascript',
		'json'  => 'application/json',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'webp'  => 'image/webp',
		'woff2' => 'font/woff2',
		'woff'  => 'font/woff',
		'ttf'   => 'font/ttf',
	);
	$claimcard_ext = strtolower( pathinfo( $claimcard_file, PATHINFO_EXTENSION ) );
	if ( ! is_file( $claimcard_file ) || ! isset( $claimcard_types[ $claimcard_ext ] ) ) {
		http_response_code( 404 );
		return true;
	}
	header( 'Content-Type: ' . $claimcard_types[ $claimcard_ext ] );
	header( 'Content-Length: ' . filesize( $claimcard_file ) );
	readfile( $claimcard_file );
	return true;
}

$claimcard_file = $_SERVER['DOCUMENT_ROOT'] . $claimcard_path;
if ( is_dir( $claimcard_file ) ) {
	if ( '/' !== substr( $claimcard_path, -1 ) ) {
		header( 'Location: ' . $claimcard_path . '/', true, 301 );
		return true;
	}
	$claimcard_file = rtrim( $claimcard_file, '/' ) . '/index.php';
}
if ( is_file( $claimcard_file ) ) {
	return false; // php -S serves it: runs a .php file, sends any other as it is.
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
return true;
