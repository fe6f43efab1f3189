/**
 * Portfolio figures for managers and finance: aging, DSO and its relatives, promises, case and
 * task workload, emails. A read model: it reads the ledger's, the cases' and the engine's tables
 * with a fixed number of aggregate queries and writes nothing.
 */
package io.recollect.reporting;
