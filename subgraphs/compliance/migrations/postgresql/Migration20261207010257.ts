import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010257 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "compliance_license_transfer" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "metric_id" uuid not null, "from_application_id" uuid not null, "to_application_id" uuid not null, "license_id" uuid not null, "organization_id" uuid null, "computer_id" uuid null, "user_id" uuid null, "custom_compare_value_id" uuid null, "is_upgrade" boolean not null default false, "is_downgrade" boolean not null default false, "is_cross_edition" boolean not null default false, "is_cross_platform" boolean not null default false, "quantity" int not null default 1, "use_rights" jsonb not null, constraint "compliance_license_transfer_pkey" primary key ("id"));`);
    this.addSql(`create index "compliance_license_transfer_account_id_index" on "compliance_license_transfer" ("account_id");`);
    this.addSql(`create index "compliance_license_transfer_license_id_index" on "compliance_license_transfer" ("license_id");`);
    this.addSql(`create index "compliance_license_transfer_from_application_id_index" on "compliance_license_transfer" ("from_application_id");`);
    this.addSql(`create index "compliance_license_transfer_to_application_id_index" on "compliance_license_transfer" ("to_application_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "compliance_license_transfer" cascade;`);
  }

}
