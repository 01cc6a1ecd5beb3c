<?php
/**
 * The block editor: a claimcard variation of the core Embed block.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * Enqueues blocks/embed-variation.js (plain script, no build step) in the editor.
 */
function claimcard_enqueue_editor_assets() {
	wp_enqueue_script(
		'claimcard-embed-variation',
		plugins_url( 'blocks/embed-variation.js', CLAIMCARD_FILE ),
		array( 'wp-blocks', 'wp-dom-ready' ),
		CLAIMCARD_VERSION,
		true
	);
}
add_action( 'enqueue_block_editor_assets', 'claimcard_enqueue_editor_assets' );
