import { Migration } from '@mikro-orm/migrations';

export class Migration20261206142904 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`devices_account_signing_key\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`public_key\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`devices_account_signing_key_account_id_unique\` on \`devices_account_signing_key\` (\`account_id\`);`);

    this.addSql(`create table \`devices_license_installation\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`device_id\` text not null, \`scheme\` text not null, \`license_location\` text null, \`license_id\` text null, \`status\` text not null default 'REQUESTED', \`requested_at\` datetime not null, \`installed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`devices_license_installation_account_id_index\` on \`devices_license_installation\` (\`account_id\`);`);
    this.addSql(`create index \`devices_license_installation_device_id_index\` on \`devices_license_installation\` (\`device_id\`);`);
  }

}
