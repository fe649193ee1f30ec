/**
 * Document AI OCR ({@code POST /v1/ocr}):
 * {@link dev.mistralboot.client.ocr.MistralOcrClient},
 * {@link dev.mistralboot.client.ocr.OcrRequest} and the answer types.
 */
@NullMarked
package dev.mistralboot.client.ocr;

import org.jspecify.annotations.NullMarked;
