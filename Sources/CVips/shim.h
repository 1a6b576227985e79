#ifndef KENNISBANK_CVIPS_SHIM_H
#define KENNISBANK_CVIPS_SHIM_H
#include <vips/vips.h>

/* libvips takes its optional arguments as NULL-terminated variadic lists, which Swift cannot call; these
 * wrappers are the non-variadic calls Kennisbank makes (Sources/KennisbankImages/Vips.swift). */

/* A raster image from encoded bytes, scaled down to `width` pixels wide (the height follows the aspect ratio:
 * the box is `width` by a height no image reaches) and turned upright by its EXIF orientation. */
static inline int kb_vips_thumbnail_buffer(void *buf, size_t len, VipsImage **out, int width) {
    return vips_thumbnail_buffer(buf, len, out, width, "height", 10000000, "size", VIPS_SIZE_DOWN, NULL);
}

/* An image encoded by the saver its suffix names, with the saver's options in brackets (".jpg[Q=82,strip]"). */
static inline int kb_vips_write_to_buffer(VipsImage *in, const char *suffix, void **buf, size_t *len) {
    return vips_image_write_to_buffer(in, suffix, buf, len, NULL);
}

/* The SHA-256 of some bytes as 64 lowercase hexadecimal digits, by GLib (which libvips links); free with g_free. */
static inline char *kb_sha256_hex(const void *bytes, size_t len) {
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
}

#endif
