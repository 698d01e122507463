// Small line icons for the list's actions, drawn in SVG: symbol glyphs (⧉, 🗑) are missing from many
// system fonts and would show as empty boxes.
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

export const RenameIcon = () => (
  <svg {...common}>
    <path d="M11 2.5l2.5 2.5L5.5 13H3v-2.5z" />
  </svg>
);

export const DuplicateIcon = () => (
  <svg {...common}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v6.5a1 1 0 0 0 1 1h.5" />
  </svg>
);

export const DeleteIcon = () => (
  <svg {...common}>
    <path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9M6.8 7v4.5M9.2 7v4.5" />
  </svg>
);
