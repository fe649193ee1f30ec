/**
 * Fine-tuning from the page: upload the training file, estimate, create, watch and cancel
 * jobs.
 */
package dev.mistralboot.sample.finetuning;
