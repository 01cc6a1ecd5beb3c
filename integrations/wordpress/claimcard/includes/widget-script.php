<?php
/**
 * Loading the <claim-card> module ({base}/widget.js) once per page.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * Enqueues the widget module: through the Script Modules API (WordPress 6.5+), else
 * remembers it for claimcard_print_widget_script() in the footer.
 *
 * @param string $base The validated API base URL.
 */
function claimcard_enqueue_widget( $base ) {
	$src = $base . '/widget.js';
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// A null version: the URL stays {base}/widget.js, cached as the API serves it.
		wp_enqueue_script_module( 'claimcard-widget', $src, array(), null );
		return;
	}
	$GLOBALS['claimcard_widget_src'] = $src;
}

/**
 * Prints `<script type="module">` for the widget, at most once, when it was needed and
 * the Script Modules API is missing.
 */
function claimcard_print_widget_script() {
	if ( empty( $GLOBALS['claimcard_widget_src'] ) || ! empty( $GLOBALS['claimcard_widget_printed'] ) ) {
		return;
	}
	$GLOBALS['claimcard_widget_printed'] = true;
	printf( '<script type="module" src="%s"></script>' . "\n", esc_url( $GLOBALS['claimcard_widget_src'] ) );
}
add_action( 'wp_footer', 'claimcard_print_widget_script' );
