import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010257 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`compliance_license_transfer\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`metric_id\` text not null, \`from_application_id\` text not null, \`to_application_id\` text not null, \`license_id\` text not null, \`organization_id\` text null, \`computer_id\` text null, \`user_id\` text null, \`custom_compare_value_id\` text null, \`is_upgrade\` integer not null default false, \`is_downgrade\` integer not null default false, \`is_cross_edition\` integer not null default false, \`is_cross_platform\` integer not null default false, \`quantity\` integer not null default 1, \`use_rights\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_license_transfer_account_id_index\` on \`compliance_license_transfer\` (\`account_id\`);`);
    this.addSql(`create index \`compliance_license_transfer_license_id_index\` on \`compliance_license_transfer\` (\`license_id\`);`);
    this.addSql(`create index \`compliance_license_transfer_from_application_id_index\` on \`compliance_license_transfer\` (\`from_application_id\`);`);
    this.addSql(`create index \`compliance_license_transfer_to_application_id_index\` on \`compliance_license_transfer\` (\`to_application_id\`);`);
  }

}
