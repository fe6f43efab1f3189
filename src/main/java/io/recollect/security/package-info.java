/** Who may do what: authentication against Camunda's identity store, roles, and Camunda's own doors. */
package io.recollect.security;
