CREATE TYPE "public"."entry_type" AS ENUM('CONSUMPTION', 'FOREIGN_TRADE_ZONE', 'WAREHOUSE_WITHDRAWAL');--> statement-breakpoint
CREATE TYPE "public"."license_kind" AS ENUM('STANDARD', 'LOW_VALUE');--> statement-breakpoint
CREATE TYPE "public"."license_status" AS ENUM('SUBMITTED', 'CORRECTED', 'ACTION_REQUIRED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'done', 'dead');--> statement-breakpoint
CREATE TYPE "public"."smelt_answer" AS ENUM('COUNTRY', 'NOT_APPLICABLE', 'UNKNOWN');--> statement-breakpoint
CREATE TABLE "license_products" (
	"license_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"hts_code" char(10) NOT NULL,
	"largest_smelt_answer" "smelt_answer" NOT NULL,
	"largest_smelt_country" char(2),
	"second_smelt_answer" "smelt_answer" NOT NULL,
	"second_smelt_country" char(2),
	"most_recent_cast" char(2) NOT NULL,
	"volume_kg" double precision NOT NULL,
	"customs_value_cents" bigint NOT NULL,
	CONSTRAINT "license_products_license_id_line_pk" PRIMARY KEY("license_id","line")
);
--> statement-breakpoint
CREATE TABLE "license_versions" (
	"license_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "license_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid NOT NULL,
	"by_name" text NOT NULL,
	"changed_fields" text[] NOT NULL,
	"note" text,
	CONSTRAINT "license_versions_license_id_version_pk" PRIMARY KEY("license_id","version")
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" char(9) NOT NULL,
	"company_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"product_type" "product_type" NOT NULL,
	"kind" "license_kind" NOT NULL,
	"status" "license_status" NOT NULL,
	"version" integer NOT NULL,
	"applicant" jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"customs_entry_number" text,
	"entry_type" "entry_type" NOT NULL,
	"importer_name" text NOT NULL,
	"importer_key" text NOT NULL,
	"exporter_name" text,
	"manufacturer_names" text[] NOT NULL,
	"country_of_origin" char(2),
	"country_of_exportation" char(2),
	"port_of_entry" char(4),
	"expected_export_date" date,
	"expected_import_date" date,
	"application_date" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_through" date,
	"total_volume_kg" double precision NOT NULL,
	"total_customs_value_cents" bigint NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_statistics" (
	"scope" text NOT NULL,
	"measure" text NOT NULL,
	"bucket" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "product_statistics_scope_measure_bucket_pk" PRIMARY KEY("scope","measure","bucket")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "license_products" ADD CONSTRAINT "license_products_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_products" ADD CONSTRAINT "license_products_hts_code_hts_codes_code_fk" FOREIGN KEY ("hts_code") REFERENCES "public"."hts_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_versions" ADD CONSTRAINT "license_versions_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_versions" ADD CONSTRAINT "license_versions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_number_idx" ON "licenses" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_idempotency_idx" ON "licenses" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "licenses_company_created_idx" ON "licenses" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "licenses_status_created_idx" ON "licenses" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_low_value_importer_idx" ON "licenses" USING btree ("company_id","importer_key") WHERE "licenses"."kind" = 'LOW_VALUE' and "licenses"."status" <> 'CANCELLED';--> statement-breakpoint
CREATE INDEX "outbox_status_run_at_idx" ON "outbox" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id");