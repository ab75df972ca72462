<?php
// Dependencies of editor.js (written without a build step: wp.* globals).
return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element' ),
	'version'      => '1.0.0',
);
