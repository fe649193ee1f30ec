/**
 * Tool calling: the payment-status tools of Mistral's function-calling guide and the
 * endpoint that runs them.
 */
package dev.mistralboot.sample.payments;
