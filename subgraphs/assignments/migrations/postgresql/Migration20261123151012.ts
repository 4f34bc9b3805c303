import { Migration } from '@mikro-orm/migrations';

export class Migration20261123151012 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "assignments_assignment_type" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "assignment_type" int not null, "name" varchar(255) not null, "description" text null, constraint "assignments_assignment_type_pkey" primary key ("id"));`);
    this.addSql(`create index "assignments_assignment_type_account_id_index" on "assignments_assignment_type" ("account_id");`);
    this.addSql(`alter table "assignments_assignment_type" add constraint "assignments_assignment_type_account_id_assignment_type_unique" unique ("account_id", "assignment_type");`);
    this.addSql(`alter table "assignments_assignment_type" add constraint "assignments_assignment_type_account_id_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "assignments_computer_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "quantity" int not null default 1, "batch_position" int not null default 0, "computer_id" uuid not null, "virtual_machines" jsonb not null, constraint "assignments_computer_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignments_computer_assignment_account_id_index" on "assignments_computer_assignment" ("account_id");`);
    this.addSql(`create index "assignments_computer_assignment_license_id_index" on "assignments_computer_assignment" ("license_id");`);
    this.addSql(`create index "assignments_computer_assignment_computer_id_index" on "assignments_computer_assignment" ("computer_id");`);
    this.addSql(`alter table "assignments_computer_assignment" add constraint "assignments_computer_assignment_account_id_licens_e4088_unique" unique ("account_id", "license_id", "computer_id");`);

    this.addSql(`create table "assignments_datacenter_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "quantity" int not null default 1, "batch_position" int not null default 0, "datacenter_id" uuid not null, "virtual_machines" jsonb not null, constraint "assignments_datacenter_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignments_datacenter_assignment_account_id_index" on "assignments_datacenter_assignment" ("account_id");`);
    this.addSql(`create index "assignments_datacenter_assignment_license_id_index" on "assignments_datacenter_assignment" ("license_id");`);
    this.addSql(`create index "assignments_datacenter_assignment_datacenter_id_index" on "assignments_datacenter_assignment" ("datacenter_id");`);
    this.addSql(`alter table "assignments_datacenter_assignment" add constraint "assignments_datacenter_assignment_account_id_lice_bab34_unique" unique ("account_id", "license_id", "datacenter_id");`);

    this.addSql(`create table "assignments_organization_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "quantity" int not null default 1, "batch_position" int not null default 0, "organization_id" uuid not null, "is_auto_allocated" boolean not null default false, constraint "assignments_organization_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignments_organization_assignment_account_id_index" on "assignments_organization_assignment" ("account_id");`);
    this.addSql(`create index "assignments_organization_assignment_license_id_index" on "assignments_organization_assignment" ("license_id");`);
    this.addSql(`create index "assignments_organization_assignment_organization_id_index" on "assignments_organization_assignment" ("organization_id");`);
    this.addSql(`alter table "assignments_organization_assignment" add constraint "assignments_organization_assignment_account_id_li_c1508_unique" unique ("account_id", "license_id", "organization_id");`);

    this.addSql(`create table "assignments_outbox" ("seq" serial primary key, "event_id" varchar(36) not null, "account_id" varchar(36) not null, "type" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(36) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "assignments_outbox" add constraint "assignments_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "assignments_outbox_account_id_index" on "assignments_outbox" ("account_id");`);
    this.addSql(`create index "assignments_outbox_published_at_index" on "assignments_outbox" ("published_at");`);

    this.addSql(`create table "assignments_site_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "quantity" int not null default 1, "batch_position" int not null default 0, "organization_id" uuid not null, constraint "assignments_site_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignments_site_assignment_account_id_index" on "assignments_site_assignment" ("account_id");`);
    this.addSql(`create index "assignments_site_assignment_license_id_index" on "assignments_site_assignment" ("license_id");`);
    this.addSql(`create index "assignments_site_assignment_organization_id_index" on "assignments_site_assignment" ("organization_id");`);
    this.addSql(`alter table "assignments_site_assignment" add constraint "assignments_site_assignment_account_id_license_id_unique" unique ("account_id", "license_id");`);

    this.addSql(`create table "assignments_user_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "quantity" int not null default 1, "batch_position" int not null default 0, "user_id" uuid not null, constraint "assignments_user_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignments_user_assignment_account_id_index" on "assignments_user_assignment" ("account_id");`);
    this.addSql(`create index "assignments_user_assignment_license_id_index" on "assignments_user_assignment" ("license_id");`);
    this.addSql(`create index "assignments_user_assignment_user_id_index" on "assignments_user_assignment" ("user_id");`);
    this.addSql(`alter table "assignments_user_assignment" add constraint "assignments_user_assignment_account_id_license_id_2832a_unique" unique ("account_id", "license_id", "user_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assignments_assignment_type" cascade;`);

    this.addSql(`drop table if exists "assignments_computer_assignment" cascade;`);

    this.addSql(`drop table if exists "assignments_datacenter_assignment" cascade;`);

    this.addSql(`drop table if exists "assignments_organization_assignment" cascade;`);

    this.addSql(`drop table if exists "assignments_outbox" cascade;`);

    this.addSql(`drop table if exists "assignments_site_assignment" cascade;`);

    this.addSql(`drop table if exists "assignments_user_assignment" cascade;`);
  }

}
