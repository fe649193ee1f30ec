/**
 * Document libraries ({@code /v1/libraries}, beta): libraries, their documents and who
 * may use them. {@link dev.mistralboot.client.libraries.MistralLibrariesClient} and its
 * reactive twin {@link dev.mistralboot.client.libraries.ReactiveMistralLibrariesClient}.
 */
@NullMarked
package dev.mistralboot.client.libraries;

import org.jspecify.annotations.NullMarked;
