import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`compliance_projected_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`assignment_id\` text not null, \`license_id\` text not null, \`kind\` text not null, \`target_id\` text null, \`quantity\` integer not null default 0, \`assigned_at\` datetime not null, \`batch_position\` integer not null default 0, \`deleted\` integer not null default false, \`source_seq\` integer not null default 0, \`event_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_projected_assignment_account_id_index\` on \`compliance_projected_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_projected_assignment_account_id_license_id_index\` on \`compliance_projected_assignment\` (\`account_id\`, \`license_id\`);`);
    this.addSql(`create unique index \`compliance_projected_assignment_account_id_assignment_id_unique\` on \`compliance_projected_assignment\` (\`account_id\`, \`assignment_id\`);`);

    this.addSql(`create table \`compliance_projected_license\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`organization_id\` text null, \`application_id\` text null, \`metric_id\` text null, \`quantity\` integer null, \`is_subscription\` integer not null default false, \`subscription_valid_from\` datetime null, \`subscription_valid_to\` datetime null, \`is_upgrade\` integer not null default false, \`is_downgrade\` integer not null default false, \`is_cross_edition\` integer not null default false, \`is_cross_platform\` integer not null default false, \`record_status\` text not null default 'ACTIVE', \`deleted\` integer not null default false, \`source_seq\` integer not null default 0, \`event_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_projected_license_account_id_index\` on \`compliance_projected_license\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_projected_license_account_id_application_id_index\` on \`compliance_projected_license\` (\`account_id\`, \`application_id\`);`);
    this.addSql(`create unique index \`compliance_projected_license_account_id_license_id_unique\` on \`compliance_projected_license\` (\`account_id\`, \`license_id\`);`);
  }

}
