<?php
/**
 * Removes claimcard's options when the plugin is deleted.
 *
 * @package claimcard
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'claimcard_api_base' );
delete_option( 'claimcard_lang' );
