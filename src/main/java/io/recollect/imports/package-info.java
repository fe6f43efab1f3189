/**
 * Onboarding a portfolio with its history: customers, issued invoices and their payments loaded
 * in bulk, without invoice emails, each customer committed whole before anything decides it.
 */
package io.recollect.imports;
