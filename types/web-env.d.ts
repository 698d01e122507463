// Ambient types for the renderer (tsconfig.web.json): declarations for what the bundler provides go
// here. This file also keeps the web project from having "no inputs" while renderer/ has no code.
export {};
