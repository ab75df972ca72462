<?php
/**
 * Plugin Name:       Backchannel
 * Description:       The Backchannel explainer in posts: a block, a [backchannel] shortcode and oEmbed for its embed page, usable by authors.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       backchannel
 *
 * The explainer is a custom element with its first view pre-rendered into a
 * declarative shadow root and the static story in a <noscript> (the embed
 * codes `make dist` writes, dist/embed-code.<lang>.txt, carried in dist/
 * here). WordPress would strip that markup from an author's post (no
 * unfiltered_html) and rewrite it in an administrator's; the block and the
 * shortcode store only their attributes and print the code at render time,
 * where neither KSES nor the editor sees it.
 */

defined( 'ABSPATH' ) || exit;

const BACKCHANNEL_SCENARIO = 'what-happened';

/**
 * Where the shipped files are served, with a trailing slash: the constant
 * BACKCHANNEL_BASE_URL, else Settings → General → "Backchannel files", else
 * the copy in this plugin.
 */
function backchannel_base_url() {
	$url = defined( 'BACKCHANNEL_BASE_URL' ) ? BACKCHANNEL_BASE_URL : get_option( 'backchannel_base_url', '' );
	if ( ! $url ) {
		$url = plugins_url( 'dist/', __FILE__ );
	}
	return trailingslashit( $url );
}

/** The embed code `make dist` wrote for this language (English when there is none). */
function backchannel_embed_code( $lang ) {
	$dir  = __DIR__ . '/dist/';
	$file = $dir . 'embed-code.' . $lang . '.txt';
	if ( ! is_readable( $file ) ) {
		$file = $dir . 'embed-code.en.txt';
	}
	return is_readable( $file ) ? file_get_contents( $file ) : '';
}

/** The languages the explainer ships in: the embed codes in dist/. */
function backchannel_languages() {
	$langs = array();
	foreach ( glob( __DIR__ . '/dist/embed-code.*.txt' ) as $file ) {
		$langs[] = substr( basename( $file, '.txt' ), strlen( 'embed-code.' ) );
	}
	return $langs;
}

/**
 * The element's attributes from a block's or a shortcode's, each checked:
 * lang a language tag, theme one of three, scenario an id, pack and config
 * URLs (the loader refuses ones on another origin than the page's or the
 * explainer's). An empty or invalid value is left out.
 */
function backchannel_attributes( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	$out  = array();
	$lang = isset( $atts['lang'] ) ? (string) $atts['lang'] : '';
	if ( ! preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/', $lang ) ) {
		// The site's language, when the explainer speaks it.
		$site = strtolower( strtok( get_bloginfo( 'language' ), '-' ) );
		$lang = in_array( $site, backchannel_languages(), true ) ? $site : 'en';
	}
	$out['lang']     = $lang;
	$scenario        = isset( $atts['scenario'] ) ? (string) $atts['scenario'] : '';
	$out['scenario'] = preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $scenario ) ? $scenario : BACKCHANNEL_SCENARIO;
	$theme           = isset( $atts['theme'] ) ? (string) $atts['theme'] : '';
	if ( in_array( $theme, array( 'light', 'dark', 'auto' ), true ) ) {
		$out['theme'] = $theme;
	}
	foreach ( array( 'pack', 'config' ) as $name ) {
		$url = isset( $atts[ $name ] ) ? trim( (string) $atts[ $name ] ) : '';
		if ( '' !== $url ) {
			$url = esc_url_raw( $url, array( 'http', 'https' ) );
			if ( $url ) {
				$out[ $name ] = $url;
			}
		}
	}
	return $out;
}

/**
 * The explainer's HTML: the embed code of its language with the loader's
 * <script> left out (enqueued once per page instead), the element's
 * attributes set, and its files at the base URL.
 */
function backchannel_html( $atts ) {
	$attributes = backchannel_attributes( $atts );
	$primary    = strtolower( strtok( $attributes['lang'], '-' ) );
	$code       = backchannel_embed_code( $primary );
	if ( ! preg_match( '#<script type="module" src="([^"]*)backchannel\.js"></script>#', $code, $script )
		|| ! preg_match( '#<backchannel-explainer[^>]*>#', $code, $open ) ) {
		return '';
	}
	$code = str_replace( $script[0], '', $code );
	$tag  = '<backchannel-explainer';
	foreach ( $attributes as $name => $value ) {
		$tag .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$code = str_replace( $open[0], $tag . '>', $code );
	// The first view was rendered light, in the file's language, for the
	// built-in story and no config: for any other the loader would drop it,
	// so leave it out (the loader then holds the place with its box).
	$built = preg_match( '# lang="([^"]*)"#', $open[0], $match ) ? $match[1] : '';
	$fits  = ( empty( $attributes['theme'] ) || 'light' === $attributes['theme'] )
		&& empty( $attributes['pack'] ) && empty( $attributes['config'] )
		&& $primary === $built;
	if ( ! $fits ) {
		$code = preg_replace( '#<template shadowrootmode="open">.*?</template>#s', '', $code, 1 );
	}
	$code = str_replace( $script[1], backchannel_base_url(), $code );
	backchannel_enqueue();
	return trim( $code );
}

/** The loader, once per page, as a module. */
function backchannel_enqueue() {
	wp_enqueue_script( 'backchannel', backchannel_base_url() . 'backchannel.js', array(), null, false );
}

add_filter(
	'script_loader_tag',
	function ( $tag, $handle, $src ) {
		if ( 'backchannel' === $handle ) {
			return '<script type="module" src="' . esc_url( $src ) . '"></script>' . "\n";
		}
		return $tag;
	},
	10,
	3
);

// In the page's <head> when the post is known to hold an explainer; a
// block or shortcode rendered elsewhere enqueues it in the footer.
add_action(
	'wp_enqueue_scripts',
	function () {
		$post = get_post();
		if ( is_singular() && $post && ( has_block( 'backchannel/explainer', $post ) || has_shortcode( $post->post_content, 'backchannel' ) ) ) {
			backchannel_enqueue();
		}
	}
);

// wptexturize (run on the post, and again on a block theme's whole
// template) would curl the quotes and dashes of the verbatim messages in
// the first view and the static story: it leaves this element's content alone.
add_filter(
	'no_texturize_tags',
	function ( $tags ) {
		$tags[] = 'backchannel-explainer';
		return $tags;
	}
);

/*
 * [backchannel lang="fr" theme="dark" scenario="only-macron" pack="…" config="…"].
 * Shortcodes run after wpautop, so no <p> or <br> gets into the code.
 */
add_shortcode(
	'backchannel',
	function ( $atts ) {
		return backchannel_html( $atts );
	}
);

add_action(
	'init',
	function () {
		register_block_type(
			__DIR__ . '/block',
			array(
				'render_callback' => function ( $attributes ) {
					$html = backchannel_html( $attributes );
					return $html ? '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>' : '';
				},
			)
		);
		// oEmbed: the embed page's URL pasted on its own line (or into an
		// Embed block) becomes the iframe, answered by this site (below).
		// A regex: the wildcard form (embed.html*) needs a character after it.
		$page = preg_quote( preg_replace( '#^https?://#', '', backchannel_base_url() ) . 'embed.html', '#' );
		wp_oembed_add_provider( '#^https?://' . $page . '([?\#].*)?$#i', rest_url( 'backchannel/v1/oembed' ), true );
	}
);

/** What oembed.json says (title, height), read from the shipped copy. */
function backchannel_oembed_defaults() {
	$file = __DIR__ . '/dist/oembed.json';
	$data = is_readable( $file ) ? json_decode( file_get_contents( $file ), true ) : null;
	return is_array( $data ) ? $data : array(
		'title'  => 'Backchannel',
		'width'  => 680,
		'height' => 1100,
	);
}

/*
 * The oEmbed endpoint for the embed page wherever it is served: the iframe
 * code with the page's absolute URL (and the pasted URL's query: scenario,
 * lang, theme, pack), centred, on one line.
 */
add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'backchannel/v1',
			'/oembed',
			array(
				'methods'             => 'GET',
				'permission_callback' => '__return_true',
				'args'                => array( 'url' => array( 'required' => true ) ),
				'callback'            => function ( WP_REST_Request $request ) {
					$url  = (string) $request['url'];
					$page = backchannel_base_url() . 'embed.html';
					if ( 0 !== strpos( $url, $page ) ) {
						return new WP_Error( 'backchannel_oembed', 'Not a Backchannel embed page.', array( 'status' => 404 ) );
					}
					$query = array();
					wp_parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
					$query  = array_intersect_key( $query, array_flip( array( 'scenario', 'lang', 'theme', 'pack' ) ) );
					$query  = array_filter( $query, 'is_string' );
					$src    = $query ? add_query_arg( array_map( 'rawurlencode', $query ), $page ) : $page;
					$data   = backchannel_oembed_defaults();
					$height = (int) $data['height'];
					return array(
						'version'       => '1.0',
						'type'          => 'rich',
						'provider_name' => 'Backchannel',
						'provider_url'  => backchannel_base_url(),
						'title'         => $data['title'],
						'width'         => (int) $data['width'],
						'height'        => $height,
						'html'          => '<iframe src="' . esc_url( $src ) . '" title="' . esc_attr( $data['title'] ) . '" width="100%" height="' . $height . '" loading="lazy" frameborder="0" style="display:block; margin:0 auto"></iframe>',
					);
				},
			)
		);
	}
);

// The iframe follows the explainer's height (and scrolls to a step the
// reader moves to): the README's resize listener, once per page with one.
add_filter(
	'embed_oembed_html',
	function ( $html, $url ) {
		if ( 0 === strpos( $url, backchannel_base_url() . 'embed.html' ) ) {
			wp_enqueue_script( 'backchannel-frame', plugins_url( 'frame.js', __FILE__ ), array(), '1.0.0', true );
		}
		return $html;
	},
	10,
	2
);

// Settings → General: where the shipped files are served, for a site that
// serves dist/ from a CDN rather than from this plugin.
add_action(
	'admin_init',
	function () {
		register_setting(
			'general',
			'backchannel_base_url',
			array(
				'type'              => 'string',
				'sanitize_callback' => function ( $url ) {
					return $url ? trailingslashit( esc_url_raw( $url, array( 'http', 'https' ) ) ) : '';
				},
				'default'           => '',
			)
		);
		add_settings_field(
			'backchannel_base_url',
			'<label for="backchannel_base_url">Backchannel files</label>',
			function () {
				printf(
					'<input type="url" id="backchannel_base_url" name="backchannel_base_url" value="%s" class="regular-text code" placeholder="%s"><p class="description">Where <code>dist/</code> is served (with <code>Access-Control-Allow-Origin</code> on another origin). Empty: the copy in this plugin.</p>',
					esc_attr( get_option( 'backchannel_base_url', '' ) ),
					esc_attr( plugins_url( 'dist/', __FILE__ ) )
				);
			},
			'general'
		);
	}
);
