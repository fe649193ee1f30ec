/**
 * The sample web application: its main class, mock mode and the page's mode and error
 * handling.
 */
package dev.mistralboot.sample;
