/** Saving a fetched file in the browser: the bytes came through api/http.ts with the user's token. */

/** Offers `blob` as a download named `name`, through a short-lived object URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; keep the URL a while for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
