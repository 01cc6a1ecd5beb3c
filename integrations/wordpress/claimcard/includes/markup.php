<?php
/**
 * The markup of a card, shared by the shortcode and the oEmbed filters, built only from
 * validated values (the base URL, a claim id, a language) and escaped again here: what
 * the API answers never reaches the page as HTML.
 *
 * @package claimcard
 */

defined( 'ABSPATH' ) || exit;

/**
 * The claim's shareable page, {base}/claims/{id}?lang=….
 *
 * @param string $base The validated API base URL.
 * @param string $id   A valid claim id.
 * @param string $lang "fr" or "en".
 * @return string
 */
function claimcard_claim_page_url( $base, $id, $lang ) {
	return $base . '/claims/' . $id . '?lang=' . $lang;
}

/**
 * The web component; its module script is enqueued separately. Inside it, a link to the
 * claim's page: what feeds, readers without JavaScript and search engines get (the
 * component renders in its shadow root, which shows no light-DOM child).
 *
 * @param string $base The validated API base URL.
 * @param string $id   A valid claim id.
 * @param string $lang "fr" or "en".
 * @return string
 */
function claimcard_render_element( $base, $id, $lang ) {
	return sprintf(
		'<claim-card claim="%s" api="%s" lang="%s"><a href="%s">%s</a></claim-card>',
		esc_attr( $id ),
		esc_url( $base ),
		esc_attr( $lang ),
		esc_url( claimcard_claim_page_url( $base, $id, $lang ) ),
		esc_html( claimcard_iframe_title( $id, $lang ) )
	);
}

/**
 * The iframe of {base}/embed/{id}: works without JavaScript on the host page. It fills
 * the width of its column; its class lets widget.js give it the height the card asks
 * for (when it loads, and when the reader opens the timeline).
 *
 * @param string $base  The validated API base URL.
 * @param string $id    A valid claim id.
 * @param string $lang  "fr" or "en".
 * @param string $title The claim's title, if known (text, escaped here).
 * @return string
 */
function claimcard_render_iframe( $base, $id, $lang, $title = '' ) {
	return sprintf(
		'<iframe src="%s" title="%s" class="claimcard-embed" loading="lazy" height="%d" style="display:block;width:100%%;border:0"></iframe>',
		esc_url( $base . '/embed/' . $id . '?lang=' . $lang ),
		esc_attr( '' !== $title ? 'claimcard: ' . $title : claimcard_iframe_title( $id, $lang ) ),
		CLAIMCARD_IFRAME_HEIGHT
	);
}

/**
 * The iframe in the figure WordPress puts embeds in (as the Embed block saves it), so
 * that themes place it in the text column like any other embed.
 *
 * @param string $iframe The iframe's markup (claimcard_render_iframe()).
 * @return string
 */
function claimcard_render_figure( $iframe ) {
	return '<figure class="wp-block-embed is-type-rich is-provider-claimcard wp-block-embed-claimcard"><div class="wp-block-embed__wrapper">' . $iframe . '</div></figure>';
}

/**
 * The iframe's accessible name, and the fallback link's text, in the card's language.
 *
 * @param string $id   A valid claim id.
 * @param string $lang "fr" or "en".
 * @return string
 */
function claimcard_iframe_title( $id, $lang ) {
	return 'fr' === $lang ? 'Fiche de vérification claimcard : ' . $id : 'claimcard fact-check card: ' . $id;
}
