/**
 * claimcard in the block editor: a variation of the core Embed block. Pasting a claim
 * URL ({base}/claims/{id}) picks it; the preview comes from WordPress's oEmbed proxy,
 * which uses the provider the plugin registers. Plain script, no build step.
 */
( function ( wp ) {
	'use strict';
	wp.domReady( function () {
		wp.blocks.registerBlockVariation( 'core/embed', {
			name: 'claimcard',
			title: 'claimcard',
			description: 'Embed a claimcard fact-check card: who accuses whom of a cyberattack, on what basis, and who denies it.',
			icon: 'shield',
			keywords: [ 'fact-check', 'claim', 'cyberattack', 'vérification', 'claimcard' ],
			patterns: [ /^https?:\/\/[^/]+\/claims\/[a-z0-9-]+\/?$/i ],
			attributes: { providerNameSlug: 'claimcard', responsive: true },
			isActive: [ 'providerNameSlug' ],
		} );
	} );
} )( window.wp );
