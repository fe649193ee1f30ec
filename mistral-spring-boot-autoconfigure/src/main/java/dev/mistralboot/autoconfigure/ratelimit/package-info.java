/**
 * Auto-configuration of client-side rate-limit pacing ({@code mistral.rate-limit.*}).
 */
@NullMarked
package dev.mistralboot.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
