import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "compliance_projected_assignment" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "assignment_id" uuid not null, "license_id" uuid not null, "kind" varchar(20) not null, "target_id" uuid null, "quantity" int not null default 0, "assigned_at" timestamptz not null, "batch_position" int not null default 0, "deleted" boolean not null default false, "source_seq" int not null default 0, "event_id" varchar(36) not null, constraint "compliance_projected_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_projected_assignment_account_id_index" on "compliance_projected_assignment" ("account_id");`);
    this.addSql(`create index "compliance_projected_assignment_account_id_license_id_index" on "compliance_projected_assignment" ("account_id", "license_id");`);
    this.addSql(`alter table "compliance_projected_assignment" add constraint "compliance_projected_assignment_account_id_assignment_id_unique" unique ("account_id", "assignment_id");`);

    this.addSql(`create table "compliance_projected_license" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "organization_id" uuid null, "application_id" uuid null, "metric_id" uuid null, "quantity" int null, "is_subscription" boolean not null default false, "subscription_valid_from" timestamptz null, "subscription_valid_to" timestamptz null, "is_upgrade" boolean not null default false, "is_downgrade" boolean not null default false, "is_cross_edition" boolean not null default false, "is_cross_platform" boolean not null default false, "record_status" varchar(40) not null default 'ACTIVE', "deleted" boolean not null default false, "source_seq" int not null default 0, "event_id" varchar(36) not null, constraint "compliance_projected_license_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_projected_license_account_id_index" on "compliance_projected_license" ("account_id");`);
    this.addSql(`create index "compliance_projected_license_account_id_application_id_index" on "compliance_projected_license" ("account_id", "application_id");`);
    this.addSql(`alter table "compliance_projected_license" add constraint "compliance_projected_license_account_id_license_id_unique" unique ("account_id", "license_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "compliance_projected_assignment" cascade;`);

    this.addSql(`drop table if exists "compliance_projected_license" cascade;`);
  }

}
