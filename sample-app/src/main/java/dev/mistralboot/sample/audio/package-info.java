/**
 * Audio: a chime generated in code, transcribed, and speech read aloud in the page.
 */
package dev.mistralboot.sample.audio;
