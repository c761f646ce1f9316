-- CreateIndex, edited by hand (`prisma migrate dev --create-only`) to build it
-- without blocking writes. Prisma 7.4+ runs CONCURRENTLY outside a transaction.
CREATE INDEX CONCURRENTLY "Invoice_status_idx" ON "Invoice"("status");
