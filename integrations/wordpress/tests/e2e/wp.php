<?php
/**
 * A small wp-cli for the end-to-end tests: loads a WordPress from the command line and
 * runs PHP in it, printing the result as JSON. `install` installs the site first.
 *
 *     php wp.php /…/usr/share/wordpress install '{"url":"http://127.0.0.1:8080"}'
 *     php wp.php /…/usr/share/wordpress eval 'return get_option("siteurl");'
 *
 * @package claimcard
 */

list( , $claimcard_abspath, $claimcard_command, $claimcard_arg ) = array_pad( $argv, 4, '' );
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
if ( 'install' === $claimcard_command ) {
	define( 'WP_INSTALLING', true );
}
require rtrim( $claimcard_abspath, '/' ) . '/wp-load.php';

if ( 'install' === $claimcard_command ) {
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$claimcard_args = json_decode( $claimcard_arg, true );
	$claimcard_result = wp_install( 'claimcard test site', 'admin', 'admin@example.org', false, '', $claimcard_args['adminPassword'] );
	// What a new user sets first: pretty permalinks (so /wp-json/… URLs are used).
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'show_avatars', 0 ); // No Gravatar requests from the browser.
	flush_rewrite_rules( false );
	$claimcard_author = wp_insert_user(
		array(
			'user_login' => 'author',
			'user_pass'  => $claimcard_args['authorPassword'],
			'user_email' => 'author@example.org',
			'role'       => 'author',
		)
	);
	echo json_encode( array( 'admin' => $claimcard_result['user_id'], 'author' => $claimcard_author ) ) . "\n";
	exit( 0 );
}

if ( 'eval' === $claimcard_command ) {
	wp_set_current_user( 1 );
	$claimcard_value = eval( $claimcard_arg ); // phpcs:ignore -- the tests' own code.
	echo json_encode( is_wp_error( $claimcard_value ) ? array( 'error' => $claimcard_value->get_error_message() ) : $claimcard_value ) . "\n";
	exit( 0 );
}

fwrite( STDERR, "wp.php: unknown command {$claimcard_command}\n" );
exit( 2 );
