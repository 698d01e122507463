// The drag payload between the palette and the canvas (HTML5 drag and drop).
export const NODE_TYPE_MIME = 'application/x-weft-node-type';
