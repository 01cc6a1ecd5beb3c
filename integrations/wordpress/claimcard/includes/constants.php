<?php
/**
 * Generated from shared/constants.ts by npm run build (scripts/wordpress-constants.ts): do not edit.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * The iframe's height before the card reports its own: the compact card's height and the
 * embed page's padding, the height of the API's oEmbed answer. widget.js then applies the
 * card's exact height.
 */
const CLAIMCARD_IFRAME_HEIGHT = 454;
