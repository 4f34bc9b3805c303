import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150843 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "compliance_application" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "vendor" varchar(255) null, "version" varchar(100) null, "edition" varchar(100) null, "description" text null, constraint "compliance_application_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_application_account_id_index" on "compliance_application" ("account_id");`);
    this.addSql(`create index "compliance_application_account_id_name_index" on "compliance_application" ("account_id", "name");`);

    this.addSql(`create table "compliance_extended_coverage" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "parent_computer_id" uuid not null, "is_parent_computer_datacenter" boolean not null default false, "extended_computer_id" uuid not null, "application_id" uuid not null, "covered_application_id" uuid not null, "reason" varchar(255) not null, "reason_description" text null, constraint "compliance_extended_coverage_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_extended_coverage_account_id_index" on "compliance_extended_coverage" ("account_id");`);
    this.addSql(`create index "compliance_extended_coverage_parent_computer_id_index" on "compliance_extended_coverage" ("parent_computer_id");`);
    this.addSql(`create index "compliance_extended_coverage_extended_computer_id_index" on "compliance_extended_coverage" ("extended_computer_id");`);
    this.addSql(`create index "compliance_extended_coverage_application_id_index" on "compliance_extended_coverage" ("application_id");`);

    this.addSql(`create table "compliance_extended_coverage_type" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, constraint "compliance_extended_coverage_type_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_extended_coverage_type_account_id_index" on "compliance_extended_coverage_type" ("account_id");`);
    this.addSql(`alter table "compliance_extended_coverage_type" add constraint "compliance_extended_coverage_type_account_id_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "compliance_license_tracking" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "application_id" uuid not null, "metric_id" uuid not null, "computer_id" uuid null, "user_id" uuid null, "license_id" uuid null, "organization_id" uuid null, "coverage_trait" int not null default 0, "initial_requirement" int not null default 0, "requirement" int not null default 0, "received_coverage" int not null default 0, "primary_use_rights" jsonb not null, "full_use_rights" jsonb not null, constraint "compliance_license_tracking_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_license_tracking_account_id_index" on "compliance_license_tracking" ("account_id");`);
    this.addSql(`create index "compliance_license_tracking_computer_id_index" on "compliance_license_tracking" ("computer_id");`);
    this.addSql(`create index "compliance_license_tracking_license_id_index" on "compliance_license_tracking" ("license_id");`);
    this.addSql(`create index "compliance_license_tracking_application_id_computer_id_index" on "compliance_license_tracking" ("application_id", "computer_id");`);
    this.addSql(`create index "compliance_license_tracking_application_id_user_id_index" on "compliance_license_tracking" ("application_id", "user_id");`);

    this.addSql(`create table "compliance_license_upgrade" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "upgraded_license_id" uuid not null, "quantity" int not null, "upgraded_quantity" int not null, constraint "compliance_license_upgrade_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_license_upgrade_account_id_index" on "compliance_license_upgrade" ("account_id");`);
    this.addSql(`create index "compliance_license_upgrade_license_id_index" on "compliance_license_upgrade" ("license_id");`);
    this.addSql(`create index "compliance_license_upgrade_upgraded_license_id_index" on "compliance_license_upgrade" ("upgraded_license_id");`);
    this.addSql(`alter table "compliance_license_upgrade" add constraint "compliance_license_upgrade_account_id_license_id__e1786_unique" unique ("account_id", "license_id", "upgraded_license_id");`);

    this.addSql(`create table "compliance_maintenance_period" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "agreement_period_id" uuid null, "valid_from" timestamptz null, "valid_to" timestamptz null, "has_upgrade_rights" boolean not null default false, "invoice_reference" varchar(255) null, "notes" text null, "maintenance_cost" numeric(15,4) null, "support_cost" numeric(15,4) null, "purchase_currency" varchar(3) null, constraint "compliance_maintenance_period_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_maintenance_period_account_id_index" on "compliance_maintenance_period" ("account_id");`);
    this.addSql(`create index "compliance_maintenance_period_license_id_index" on "compliance_maintenance_period" ("license_id");`);

    this.addSql(`create table "compliance_metric" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "description" text null, constraint "compliance_metric_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_metric_account_id_index" on "compliance_metric" ("account_id");`);
    this.addSql(`alter table "compliance_metric" add constraint "compliance_metric_account_id_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "compliance_outbox" ("seq" serial primary key, "event_id" varchar(36) not null, "account_id" varchar(36) not null, "type" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(36) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "compliance_outbox" add constraint "compliance_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "compliance_outbox_account_id_index" on "compliance_outbox" ("account_id");`);
    this.addSql(`create index "compliance_outbox_published_at_index" on "compliance_outbox" ("published_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "compliance_application" cascade;`);

    this.addSql(`drop table if exists "compliance_extended_coverage" cascade;`);

    this.addSql(`drop table if exists "compliance_extended_coverage_type" cascade;`);

    this.addSql(`drop table if exists "compliance_license_tracking" cascade;`);

    this.addSql(`drop table if exists "compliance_license_upgrade" cascade;`);

    this.addSql(`drop table if exists "compliance_maintenance_period" cascade;`);

    this.addSql(`drop table if exists "compliance_metric" cascade;`);

    this.addSql(`drop table if exists "compliance_outbox" cascade;`);
  }

}
