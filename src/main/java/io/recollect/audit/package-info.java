/**
 * Access to customer data: who may see a customer (team scoping) and who did (the access log,
 * read by auditors). Modules call {@link io.recollect.audit.CustomerAccess} where they serve a
 * customer's data to a user.
 */
package io.recollect.audit;
