// The block in the editor: a placeholder naming what the post will show, and
// the element's attributes in the sidebar. It saves nothing but them (the
// server renders the explainer), so authors without unfiltered_html can use it.
(({ blocks, blockEditor, components, element }) => {
  const el = element.createElement;
  const field = (props, name, label, control, extra = {}) =>
    el(control, {
      label,
      value: props.attributes[name],
      onChange: (value) => props.setAttributes({ [name]: value }),
      ...extra,
    });
  blocks.registerBlockType('backchannel/explainer', {
    edit(props) {
      const a = props.attributes;
      return el(
        'div',
        blockEditor.useBlockProps(),
        el(
          blockEditor.InspectorControls,
          null,
          el(
            components.PanelBody,
            { title: 'Explainer' },
            field(props, 'lang', 'Language', components.SelectControl, {
              options: [
                { label: "The site's (else English)", value: '' },
                { label: 'English', value: 'en' },
                { label: 'Français', value: 'fr' },
                { label: 'Tiếng Việt', value: 'vi' },
              ],
            }),
            field(props, 'theme', 'Theme', components.SelectControl, {
              options: [
                { label: 'Light', value: '' },
                { label: "The reader's (auto)", value: 'auto' },
                { label: 'Dark', value: 'dark' },
              ],
            }),
            field(props, 'scenario', 'Scenario (id)', components.TextControl, { placeholder: 'what-happened' }),
            field(props, 'pack', 'Story pack (URL)', components.TextControl, { type: 'url' }),
            field(props, 'config', 'Config (URL)', components.TextControl, { type: 'url' }),
          ),
        ),
        el(
          components.Placeholder,
          {
            icon: 'format-chat',
            label: 'Backchannel explainer',
            instructions: [a.lang, a.theme, a.scenario || 'what-happened', a.pack, a.config].filter(Boolean).join(' · '),
          },
        ),
      );
    },
    save: () => null,
  });
})(window.wp);
