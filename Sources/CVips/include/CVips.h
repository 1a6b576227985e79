#ifndef KENNISBANK_CVIPS_H
#define KENNISBANK_CVIPS_H
#include <stddef.h>

/* libvips (and the GLib it links), loaded with dlopen on first use rather than linked: a site without raster
 * figures never maps its hundred-odd shared libraries. Every function Kennisbank calls is here, non-variadic
 * (Swift cannot make C's variadic calls), and only Sources/KennisbankImages/Vips.swift calls them. */

/* A libvips image (VipsImage), opaque to Swift. */
typedef struct kb_vips_image kb_vips_image;

/* Loads libvips, finds every function below and initializes it (vips_init, no operation cache). 0 on success;
 * otherwise -1 and why (dlopen's or libvips's message) in `reason`, at most `size` bytes with its NUL. Call once. */
int kb_vips_load(char *reason, size_t size);

/* A raster image from encoded bytes, scaled down to `width` pixels wide (the height follows the aspect ratio: the
 * box is `width` by a height no image reaches), never up, and turned upright by its EXIF orientation. 0 on success. */
int kb_vips_thumbnail_buffer(const void *bytes, size_t length, kb_vips_image **out, int width);

/* An image of 8-bit pixels (`bands` values per pixel, rows top to bottom), copied from `pixels`; NULL on failure. */
kb_vips_image *kb_vips_image_from_pixels(const void *pixels, size_t length, int width, int height, int bands);

/* An image's width and height in pixels. */
int kb_vips_image_width(const kb_vips_image *image);
int kb_vips_image_height(const kb_vips_image *image);

/* An image encoded by the saver its suffix names, with the saver's options in brackets (".jpg[Q=82,strip]"), into
 * memory the caller frees with kb_vips_free. 0 on success. */
int kb_vips_write_to_buffer(kb_vips_image *image, const char *suffix, void **bytes, size_t *length);

/* Lets go of an image. */
void kb_vips_image_release(kb_vips_image *image);

/* libvips's error message, emptied for the next call; free with kb_vips_free. */
char *kb_vips_error_copy(void);

/* The SHA-256 of some bytes as 64 lowercase hexadecimal digits, by GLib; free with kb_vips_free. */
char *kb_vips_sha256_hex(const void *bytes, size_t length);

/* Frees memory libvips or GLib gave (g_free). */
void kb_vips_free(void *memory);

#endif
