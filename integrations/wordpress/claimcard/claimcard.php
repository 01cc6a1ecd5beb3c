<?php
/**
 * Plugin Name:       claimcard
 * Description:       Fact-check cards about state-attributed cyberattacks: who accuses, on what basis, and who denies. Paste a claim URL, use the [claimcard] shortcode or the claimcard embed block.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       claimcard
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

define( 'CLAIMCARD_VERSION', '0.1.0' );
define( 'CLAIMCARD_FILE', __FILE__ );

require_once __DIR__ . '/includes/constants.php';
require_once __DIR__ . '/includes/config.php';
require_once __DIR__ . '/includes/markup.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/oembed.php';
require_once __DIR__ . '/includes/widget-script.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/editor.php';
