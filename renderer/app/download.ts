// Hands a text file to the browser's download (the export); the same in Electron and browser mode.
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download synchronously; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
