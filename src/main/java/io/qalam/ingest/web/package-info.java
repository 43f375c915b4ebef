/**
 * The newsroom's WordPress import (admins): send or name the export and the uploads
 * folder, look at what it holds and map its categories, follow the import and read its
 * report.
 */
package io.qalam.ingest.web;
