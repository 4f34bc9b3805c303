import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150843 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`compliance_application\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`vendor\` text null, \`version\` text null, \`edition\` text null, \`description\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_application_account_id_index\` on \`compliance_application\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_application_account_id_name_index\` on \`compliance_application\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`compliance_extended_coverage\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`parent_computer_id\` text not null, \`is_parent_computer_datacenter\` integer not null default false, \`extended_computer_id\` text not null, \`application_id\` text not null, \`covered_application_id\` text not null, \`reason\` text not null, \`reason_description\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_extended_coverage_account_id_index\` on \`compliance_extended_coverage\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_extended_coverage_parent_computer_id_index\` on \`compliance_extended_coverage\` (\`parent_computer_id\`);`);
    this.addSql(`create index \`compliance_extended_coverage_extended_computer_id_index\` on \`compliance_extended_coverage\` (\`extended_computer_id\`);`);
    this.addSql(`create index \`compliance_extended_coverage_application_id_index\` on \`compliance_extended_coverage\` (\`application_id\`);`);

    this.addSql(`create table \`compliance_extended_coverage_type\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_extended_coverage_type_account_id_index\` on \`compliance_extended_coverage_type\` (\`account_id\`);`);
    this.addSql(`create unique index \`compliance_extended_coverage_type_account_id_name_unique\` on \`compliance_extended_coverage_type\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`compliance_license_tracking\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`application_id\` text not null, \`metric_id\` text not null, \`computer_id\` text null, \`user_id\` text null, \`license_id\` text null, \`organization_id\` text null, \`coverage_trait\` integer not null default 0, \`initial_requirement\` integer not null default 0, \`requirement\` integer not null default 0, \`received_coverage\` integer not null default 0, \`primary_use_rights\` json not null, \`full_use_rights\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_license_tracking_account_id_index\` on \`compliance_license_tracking\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_license_tracking_computer_id_index\` on \`compliance_license_tracking\` (\`computer_id\`);`);
    this.addSql(`create index \`compliance_license_tracking_license_id_index\` on \`compliance_license_tracking\` (\`license_id\`);`);
    this.addSql(`create index \`compliance_license_tracking_application_id_computer_id_index\` on \`compliance_license_tracking\` (\`application_id\`, \`computer_id\`);`);
    this.addSql(`create index \`compliance_license_tracking_application_id_user_id_index\` on \`compliance_license_tracking\` (\`application_id\`, \`user_id\`);`);

    this.addSql(`create table \`compliance_license_upgrade\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`upgraded_license_id\` text not null, \`quantity\` integer not null, \`upgraded_quantity\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_license_upgrade_account_id_index\` on \`compliance_license_upgrade\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_license_upgrade_license_id_index\` on \`compliance_license_upgrade\` (\`license_id\`);`);
    this.addSql(`create index \`compliance_license_upgrade_upgraded_license_id_index\` on \`compliance_license_upgrade\` (\`upgraded_license_id\`);`);
    this.addSql(`create unique index \`compliance_license_upgrade_account_id_license_id_upgraded_license_id_unique\` on \`compliance_license_upgrade\` (\`account_id\`, \`license_id\`, \`upgraded_license_id\`);`);

    this.addSql(`create table \`compliance_maintenance_period\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`agreement_period_id\` text null, \`valid_from\` datetime null, \`valid_to\` datetime null, \`has_upgrade_rights\` integer not null default false, \`invoice_reference\` text null, \`notes\` text null, \`maintenance_cost\` numeric(15,4) null, \`support_cost\` numeric(15,4) null, \`purchase_currency\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_maintenance_period_account_id_index\` on \`compliance_maintenance_period\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_maintenance_period_license_id_index\` on \`compliance_maintenance_period\` (\`license_id\`);`);

    this.addSql(`create table \`compliance_metric\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`description\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_metric_account_id_index\` on \`compliance_metric\` (\`account_id\`);`);
    this.addSql(`create unique index \`compliance_metric_account_id_name_unique\` on \`compliance_metric\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`compliance_outbox\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`account_id\` text not null, \`type\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`payload\` json not null, \`occurred_at\` datetime not null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`compliance_outbox_event_id_unique\` on \`compliance_outbox\` (\`event_id\`);`);
    this.addSql(`create index \`compliance_outbox_account_id_index\` on \`compliance_outbox\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_outbox_published_at_index\` on \`compliance_outbox\` (\`published_at\`);`);
  }

}
