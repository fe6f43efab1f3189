/**
 * Write-offs: a request fixes invoices and amounts, the write-off-approval table routes it, a
 * person other than the requester approves, and posting writes off exactly what was requested
 * less what was paid since. Recoveries on written-off invoices are kept apart.
 */
package io.recollect.writeoffs;
